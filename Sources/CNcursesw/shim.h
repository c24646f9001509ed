// Only the executable's backend imports this: the views render into a cell buffer.
#ifndef GOLIVE_CNCURSESW_SHIM_H
#define GOLIVE_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so ask for the wide-character API here.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>

extern int wcwidth(wchar_t);

// Swift 6 cannot import C macros with casts nor touch mutable C globals: accessors.
static inline WINDOW *golive_stdscr(void) { return stdscr; }
static inline int golive_lines(void) { return LINES; }
static inline int golive_cols(void) { return COLS; }
static inline int golive_colors(void) { return COLORS; }
static inline int golive_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *golive_stdout(void) { return stdout; }
static inline FILE *golive_stdin(void) { return stdin; }
static inline attr_t golive_a_normal(void) { return A_NORMAL; }
static inline attr_t golive_a_bold(void) { return A_BOLD; }
static inline attr_t golive_a_dim(void) { return A_DIM; }
static inline attr_t golive_a_reverse(void) { return A_REVERSE; }
static inline attr_t golive_a_underline(void) { return A_UNDERLINE; }

// One cell: a wide-character string (a grapheme, up to 4 code points here) with
// attributes and an extended colour pair passed through setcchar's opts pointer.
static inline int golive_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, 0, &pair) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &c);
}
// Whether the terminal TERM names can move the cursor (a "dumb" one cannot draw the board).
#include <term.h>
static inline int golive_can_address_cursor(void) {
    int error = 0;
    if (setupterm(NULL, 1, &error) != OK) return 0;
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
#endif
