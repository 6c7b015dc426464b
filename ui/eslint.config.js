import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist", "node_modules", "src/bindings"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // One door to the Rust side: only src/lib/ipc.ts may talk to Tauri.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@tauri-apps/*"], message: "Import from src/lib/ipc.ts instead." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/lib/ipc.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
