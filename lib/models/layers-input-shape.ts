/**
 * The input shape of a TF.js layers model, read from `model.json`'s Keras topology
 * without loading TF.js, so the server can reject a checkpoint whose input does not
 * match its manifest before any browser tries to run it.
 *
 * Handles what tfjs-converter and `model.save()` write: the topology itself or wrapped
 * in `model_config`; a Sequential whose first layer (or InputLayer) carries
 * `batch_input_shape` (Keras 2, TF.js) or `batch_shape` (Keras 3); a functional
 * model with exactly one InputLayer. Anything else is "not determinable" (null):
 * the runtime's post-load shape check still guards it.
 */

export type InputShape = (number | null)[];

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);

function isShape(x: unknown): x is InputShape {
  return Array.isArray(x) && x.every((d) => d === null || (typeof d === "number" && Number.isInteger(d)));
}

function layerShape(layer: unknown): InputShape | null {
  if (!isObject(layer) || !isObject(layer.config)) return null;
  const shape = layer.config.batch_input_shape ?? layer.config.batch_shape;
  return isShape(shape) ? shape : null;
}

export function layersInputShape(modelTopology: Json): InputShape | null {
  const model = isObject(modelTopology.model_config) ? modelTopology.model_config : modelTopology;
  const config = model.config;
  // Old Sequential exports store the layer list directly as config.
  const layers = Array.isArray(config) ? config : isObject(config) && Array.isArray(config.layers) ? config.layers : null;
  if (!layers) return null;
  if (model.class_name === "Sequential") return layerShape(layers[0]);
  const inputs = layers.filter((l) => isObject(l) && l.class_name === "InputLayer");
  return inputs.length === 1 ? layerShape(inputs[0]) : null;
}

/** `[null, 100, 6]`, as a person would write it in Python. */
export function shapeToText(shape: InputShape): string {
  return `[${shape.map((d) => (d === null ? "null" : String(d))).join(", ")}]`;
}
