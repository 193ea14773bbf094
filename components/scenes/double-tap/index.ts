import { defineScene } from "../scene-definition";
import { doubleTapLogic } from "./logic";
import { DoubleTapScreen } from "./screen";

export default defineScene(doubleTapLogic, DoubleTapScreen);
