// What the terminal shows before each command, and before each continuation line (bash's PS1
// and PS2).
export const PS1 = '$ ';
export const PS2 = '> ';
