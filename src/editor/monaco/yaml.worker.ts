// monaco-yaml's worker, bundled by Vite from this file (monaco-yaml's FAQ: "Why doesn't it work with Vite?").
import "monaco-yaml/yaml.worker.js";
