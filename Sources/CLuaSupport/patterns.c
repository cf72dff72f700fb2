#include <math.h>
#include <lauxlib.h>
#include "clua_support.h"
#include "sandbox_internal.h"

/* The count hook cannot interrupt one C call, so a backtracking pattern on a long subject could run
   for seconds. Refuse calls whose worst case len(subject)^(q+1) exceeds 10^7, q being the number of
   quantifiers, and patterns over 64 bytes (docs/reliability.md §3). A plain find is not limited. */
#define CLUA_PATTERN_MAX_BYTES 64
#define CLUA_PATTERN_MAX_COST 1e7

static int quantifiers(const char *pattern, size_t length) {
    int count = 0;
    for (size_t i = 0; i < length; i++) {
        char c = pattern[i];
        if (c == '%') {
            i++;
        } else if (c == '*' || c == '+' || c == '-' || c == '?') {
            count++;
        }
    }
    return count;
}

/* Upvalue 1: the original C function; upvalue 2: true for `find` (which has a plain mode). */
static int guarded(lua_State *L) {
    size_t subject_length, pattern_length;
    luaL_checklstring(L, 1, &subject_length);
    const char *pattern = luaL_checklstring(L, 2, &pattern_length);
    int plain = lua_toboolean(L, lua_upvalueindex(2)) && lua_toboolean(L, 4);
    if (!plain) {
        if (pattern_length > CLUA_PATTERN_MAX_BYTES) {
            return luaL_error(L, "pattern too long (%d bytes, at most %d)", (int)pattern_length, CLUA_PATTERN_MAX_BYTES);
        }
        int q = quantifiers(pattern, pattern_length);
        if (pow((double)subject_length, (double)(q + 1)) > CLUA_PATTERN_MAX_COST) {
            return luaL_error(L, "pattern too costly: %d quantifiers on a %d-byte subject", q, (int)subject_length);
        }
    }
    /* Called in this frame, so its own errors still name the policy's line. */
    lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
    return original(L);
}

static void set_guard(lua_State *L, int library, int target, const char *name, int is_find) {
    lua_getfield(L, library, name);
    lua_pushboolean(L, is_find);
    lua_pushcclosure(L, guarded, 2);
    lua_setfield(L, target, name);
}

void clua_set_pattern_guards(lua_State *L, int library) {
    library = lua_absindex(L, library);
    int target = lua_gettop(L);
    set_guard(L, library, target, "find", 1);
    set_guard(L, library, target, "match", 0);
    set_guard(L, library, target, "gmatch", 0);
    set_guard(L, library, target, "gsub", 0);
}

/* table.move loops in C, where the count hook cannot stop it: `table.move({}, 1, 1e9, 1)` would run
   for seconds without allocating. Refuse ranges over 10^6 elements (policy tables are far smaller). */
#define CLUA_MOVE_MAX_ELEMENTS 1000000

static int guarded_move(lua_State *L) {
    lua_Integer first = luaL_checkinteger(L, 2);
    lua_Integer last = luaL_checkinteger(L, 3);
    if (last >= first && (lua_Unsigned)last - (lua_Unsigned)first >= CLUA_MOVE_MAX_ELEMENTS) {
        return luaL_error(L, "table.move of more than %d elements refused", CLUA_MOVE_MAX_ELEMENTS);
    }
    lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
    return original(L);
}

void clua_set_table_guards(lua_State *L) {
    int target = lua_gettop(L);
    lua_getfield(L, target, "move");
    lua_pushcclosure(L, guarded_move, 1);
    lua_setfield(L, target, "move");
}
