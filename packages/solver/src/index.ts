export const solverVersion = "0.1.0";
