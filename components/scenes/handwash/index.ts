import { defineScene } from "../scene-definition";
import { handwashLogic } from "./logic";
import { HandwashScreen } from "./screen";

export default defineScene(handwashLogic, HandwashScreen);
