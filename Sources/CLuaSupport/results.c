#include <math.h>
#include <string.h>
#include <lauxlib.h>
#include "clua_support.h"

/* Reads a value as an integer tier: an integer, or a float with an integral value. */
static int read_tier(lua_State *L, int index, int64_t *tier) {
    if (lua_isinteger(L, index)) {
        *tier = (int64_t)lua_tointeger(L, index);
        return 1;
    }
    if (lua_type(L, index) != LUA_TNUMBER) return 0;
    lua_Number number = lua_tonumber(L, index);
    if (number != floor(number) || fabs(number) >= 1e15) return 0;
    *tier = (int64_t)number;
    return 1;
}

static int read_number(lua_State *L, int index, double *value) {
    if (lua_type(L, index) != LUA_TNUMBER) return 0;
    *value = (double)lua_tonumber(L, index);
    return isfinite(*value);
}

int clua_read_priority(lua_State *L, int index, int count, clua_priority_entry *entries) {
    index = lua_absindex(L, index);
    if (!lua_istable(L, index) || (int)lua_rawlen(L, index) != count) return 0;
    /* No keys besides 1..count. */
    int keys = 0;
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        lua_pop(L, 1);
        keys++;
    }
    if (keys != count) return 0;
    for (int i = 0; i < count; i++) {
        clua_priority_entry *entry = &entries[i];
        entry->min_kw = NAN;
        entry->max_kw = NAN;
        entry->reason = NULL;
        entry->reason_length = 0;
        lua_rawgeti(L, index, i + 1);
        int item = lua_gettop(L);
        int ok;
        if (lua_istable(L, item)) {
            int has_priority = 0;
            ok = 1;
            lua_pushnil(L);
            while (ok && lua_next(L, item) != 0) {
                const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
                if (strcmp(key, "priority") == 0) {
                    ok = read_tier(L, -1, &entry->tier);
                    has_priority = 1;
                } else if (strcmp(key, "min_kw") == 0) {
                    ok = read_number(L, -1, &entry->min_kw);
                } else if (strcmp(key, "max_kw") == 0) {
                    ok = read_number(L, -1, &entry->max_kw);
                } else if (strcmp(key, "reason") == 0 && lua_type(L, -1) == LUA_TSTRING) {
                    entry->reason = lua_tolstring(L, -1, &entry->reason_length);
                } else {
                    ok = 0;
                }
                lua_pop(L, 1);
            }
            ok = ok && has_priority;
        } else {
            ok = read_tier(L, item, &entry->tier);
        }
        lua_settop(L, item - 1);
        if (!ok) return 0;
    }
    return 1;
}
