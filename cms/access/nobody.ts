/** Nobody through the API: only server code (the Local API, which skips access) writes these. */
export const nobody = () => false
