import { defineScene } from "../scene-definition";
import { raiseToSpeakLogic } from "./logic";
import { RaiseToSpeakScreen } from "./screen";

export default defineScene(raiseToSpeakLogic, RaiseToSpeakScreen);
