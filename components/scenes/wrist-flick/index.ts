import { defineScene } from "../scene-definition";
import { wristFlickLogic } from "./logic";
import { WristFlickScreen } from "./screen";

export default defineScene(wristFlickLogic, WristFlickScreen);
