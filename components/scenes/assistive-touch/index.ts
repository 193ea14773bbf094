import { defineScene } from "../scene-definition";
import { assistiveTouchLogic } from "./logic";
import { AssistiveTouchScreen } from "./screen";

export default defineScene(assistiveTouchLogic, AssistiveTouchScreen);
