// Vite's client types: CSS and asset imports (fonts) for the type checker.
/// <reference types="vite/client" />
