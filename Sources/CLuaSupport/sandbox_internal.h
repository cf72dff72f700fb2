#ifndef BUSBAR_CLUA_SANDBOX_INTERNAL_H
#define BUSBAR_CLUA_SANDBOX_INTERNAL_H

#include <lua.h>
#include "clua_support.h"

/* Registry keys of the sandbox. */
#define CLUA_REG_MODULES "busbar.modules" /* path -> compiled chunk of the revision */
#define CLUA_REG_ENVMETA "busbar.envmeta" /* metatable of every evaluation's _ENV proxy */
#define CLUA_REG_ENV "busbar.env"         /* the _ENV proxy of the running evaluation */
#define CLUA_REG_LOADED "busbar.loaded"   /* require cache of the running evaluation */
#define CLUA_REG_LOG "busbar.log"         /* log lines of the running evaluation */
#define CLUA_REG_TRACE "busbar.trace"     /* {name, value} pairs of the running evaluation */
#define CLUA_REG_LINES "busbar.lines"     /* "file:line" -> hits, explain mode only */
#define CLUA_REG_SESSIONS "busbar.sessions" /* the session views and their data, reused by every priority call */
#define CLUA_REG_PREVIOUS "busbar.previous" /* the session values the last priority call wrote */

/* The accounting box of a state (stored in its extra space). */
clua_accounting *clua_box(lua_State *L);

/* The count (and, in explain mode, line) hook; sticky once the budget is spent. */
void clua_hook(lua_State *L, lua_Debug *ar);

/* `next` of the allow-list: like the base function, but reads a session view through its proxy. */
int clua_view_next(lua_State *L);

/* Pushes a read-only proxy of the table at `index`; writes raise `message`. */
void clua_push_readonly(lua_State *L, int index, const char *message);

/* Sets the pattern-cost-guarded find/match/gmatch/gsub into the table at the top of the stack,
   wrapping the originals found in the table at `library`. */
void clua_set_pattern_guards(lua_State *L, int library);

/* Replaces `move` of the table library copy at the top of the stack with a size-guarded one. */
void clua_set_table_guards(lua_State *L);

/* Opens the host helpers: pushes the `time` table and sets `log`, `trace`, `require` into the
   table at `allow`. */
void clua_set_host_helpers(lua_State *L, int allow);

#endif
