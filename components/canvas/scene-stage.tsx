"use client";

import { SCENE_BACKGROUND } from "./scene-colors";

/** Floor height (body z, m): just below the fingertips of a forearm hanging straight down from the elbow. */
const FLOOR_Z_M = -0.47;

/**
 * Lights and floor, body frame. A hemisphere light keeps the shadowed side of the arm
 * readable on a washed-out projector; the key light comes from the front right and
 * above and casts the arm's shadow on the floor, which anchors its height; a cool rim
 * light from behind separates the arm from the dark background.
 */
export function SceneStage() {
  return (
    <>
      <hemisphereLight args={["#eaf2ff", "#26303d", 1.5]} />
      <directionalLight
        position={[1.2, -0.9, 1.8]}
        intensity={2.2}
        castShadow
        shadow-mapSize={[1024, 1024]}
        shadow-camera-left={-1}
        shadow-camera-right={1}
        shadow-camera-top={1}
        shadow-camera-bottom={-1}
        shadow-camera-near={0.1}
        shadow-camera-far={5}
        shadow-bias={-0.0004}
        shadow-radius={4}
      />
      <directionalLight position={[-1.4, 0.8, 0.6]} intensity={0.8} color="#9cc7ff" />
      <group position={[0, 0, FLOOR_Z_M]}>
        <mesh receiveShadow position={[0, 0, -0.002]}>
          <circleGeometry args={[1.6, 96]} />
          {/* Lambert, not standard: the floor fills most of the view, and on a software renderer its per-pixel cost is the frame's. */}
          <meshLambertMaterial color="#131b25" />
        </mesh>
        {/* A grid helper lies in its own xz plane: turned so it lies in the body's horizontal xy. */}
        <gridHelper args={[3.2, 32, "#2e4257", "#1c2938"]} rotation={[Math.PI / 2, 0, 0]} />
      </group>
      <fog attach="fog" args={[SCENE_BACKGROUND, 2.2, 5]} />
    </>
  );
}
