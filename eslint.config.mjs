import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * lib/ is the engine: it must run in Node and in workers, so UI frameworks and
 * DOM-bound packages are banned there (the way excalidraw fences its packages).
 */
const engineBoundary = {
  files: ["lib/**/*.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["react", "react-dom", "react/*", "next", "next/*"], message: "lib/ is framework-free: bind to it from components/." },
          { group: ["three", "three/*", "@react-three/*"], message: "lib/ is framework-free: 3D lives in components/canvas." },
          { group: ["@/components/*", "@/app/*"], message: "lib/ must not depend on the UI." },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  engineBoundary,
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
