#include <math.h>
#include <stdio.h>
#include <string.h>
#include <lauxlib.h>
#include "clua_support.h"
#include "sandbox_internal.h"

/* Caps on what one evaluation may log or trace, so a loop cannot flood the decision record. */
#define CLUA_LOG_MAX_LINES 100
#define CLUA_LOG_MAX_LINE_BYTES 512
#define CLUA_TRACE_MAX_ENTRIES 200

/* log(...): the arguments as text, tab-separated, cut to 512 bytes; at most 100 lines. */
static int host_log(lua_State *L) {
    int n = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_LOG);
    lua_Integer count = (lua_Integer)lua_rawlen(L, -1);
    if (count >= CLUA_LOG_MAX_LINES) return 0;
    luaL_Buffer buffer;
    luaL_buffinit(L, &buffer);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&buffer, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&buffer);
    }
    luaL_pushresult(&buffer);
    size_t length;
    const char *line = lua_tolstring(L, -1, &length);
    if (length > CLUA_LOG_MAX_LINE_BYTES) {
        lua_pushlstring(L, line, CLUA_LOG_MAX_LINE_BYTES);
        lua_remove(L, -2);
    }
    lua_rawseti(L, n + 1, count + 1);
    return 0;
}

/* trace(name, value): kept as {name, value} for --explain and the decision record. */
static int host_trace(lua_State *L) {
    luaL_checkstring(L, 1);
    lua_settop(L, 2);
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_TRACE);
    lua_Integer count = (lua_Integer)lua_rawlen(L, -1);
    if (count >= CLUA_TRACE_MAX_ENTRIES) return 0;
    lua_createtable(L, 2, 0);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, 1);
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, 3, count + 1);
    return 0;
}

/* require(name): only modules of the revision, i.e. text files of the depot's policy folder;
   "lib.util" is lib/util.lua. Each evaluation instantiates a module once, with its _ENV. */
static int host_require(lua_State *L) {
    size_t length;
    const char *name = luaL_checklstring(L, 1, &length);
    int valid = length > 0 && length <= 128 && name[0] != '.' && name[length - 1] != '.';
    for (size_t i = 0; valid && i < length; i++) {
        char c = name[i];
        int allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                      c == '-' || (c == '.' && name[i + 1] != '.');
        valid = allowed;
    }
    if (!valid) return luaL_error(L, "require: invalid module name '%s'", name);
    luaL_Buffer buffer;
    luaL_buffinit(L, &buffer);
    for (size_t i = 0; i < length; i++) luaL_addchar(&buffer, name[i] == '.' ? '/' : name[i]);
    luaL_addstring(&buffer, ".lua");
    luaL_pushresult(&buffer); /* 2: the path */
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_LOADED); /* 3 */
    lua_pushvalue(L, 2);
    lua_rawget(L, 3);
    if (lua_toboolean(L, -1)) return 1;
    if (!lua_isnil(L, -1)) return luaL_error(L, "require: '%s' requires itself", name);
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_MODULES);
    lua_pushvalue(L, 2);
    lua_rawget(L, -2);
    if (!lua_isfunction(L, -1)) return luaL_error(L, "require: module '%s' not found in the policy folder", name);
    lua_pushvalue(L, 2);
    lua_pushboolean(L, 0); /* marks "loading" to catch cycles */
    lua_rawset(L, 3);
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_ENV);
    lua_setupvalue(L, -2, 1);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, 2);
    lua_pushvalue(L, -2);
    lua_rawset(L, 3);
    return 1;
}

/* The UTC offset in force at `instant`, from the flat {from, offset, from, offset, ...} list. */
static lua_Number offset_at(lua_State *L, int offsets, lua_Integer count, lua_Number instant) {
    lua_Number offset = 0;
    for (lua_Integer i = 1; i + 1 <= count; i += 2) {
        lua_rawgeti(L, offsets, i);
        lua_Number from = lua_tonumber(L, -1);
        lua_rawgeti(L, offsets, i + 1);
        lua_Number value = lua_tonumber(L, -1);
        lua_pop(L, 2);
        if (i == 1 || from <= instant) offset = value;
        if (from > instant) break;
    }
    return offset;
}

/* time.at(ctx, "05:30"): the next instant (>= ctx.now) at that local time of the depot, DST-safe
   through ctx.depot.utc_offsets; a time skipped by a DST change moves forward. */
static int time_at(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *text = luaL_checkstring(L, 2);
    int hour = -1, minute = -1, consumed = 0;
    if (sscanf(text, "%2d:%2d%n", &hour, &minute, &consumed) != 2 || text[consumed] != '\0' || hour < 0 ||
        hour > 23 || minute < 0 || minute > 59) {
        return luaL_error(L, "time.at: expected \"HH:MM\", got \"%s\"", text);
    }
    lua_getfield(L, 1, "now");
    if (!lua_isnumber(L, -1)) return luaL_error(L, "time.at: ctx.now is missing");
    lua_Number now = lua_tonumber(L, -1);
    lua_getfield(L, 1, "depot");
    if (lua_istable(L, -1)) {
        lua_getfield(L, -1, "utc_offsets");
    } else {
        lua_pushnil(L);
    }
    int offsets = lua_gettop(L);
    lua_Integer count = lua_istable(L, offsets) ? (lua_Integer)lua_rawlen(L, offsets) : 0;
    lua_Number local_now = now + offset_at(L, offsets, count, now);
    lua_Number day_start = floor(local_now / 86400) * 86400;
    lua_Integer segments = count > 0 ? count / 2 : 1;
    for (int day = 0; day <= 2; day++) {
        lua_Number local = day_start + day * 86400 + hour * 3600 + minute * 60;
        lua_Number best = HUGE_VAL, latest = -HUGE_VAL;
        int exists = 0;
        for (lua_Integer segment = 0; segment < segments; segment++) {
            lua_Number offset = 0;
            if (count > 0) {
                lua_rawgeti(L, offsets, 2 * segment + 2);
                offset = lua_tonumber(L, -1);
                lua_pop(L, 1);
            }
            lua_Number utc = local - offset;
            if (utc > latest) latest = utc;
            if (offset_at(L, offsets, count, utc) != offset) continue;
            exists = 1;
            if (utc >= now && utc < best) best = utc;
        }
        if (!exists && latest >= now) best = latest; /* skipped by a DST change: move forward */
        if (best != HUGE_VAL) {
            lua_pushinteger(L, (lua_Integer)best);
            return 1;
        }
    }
    return luaL_error(L, "time.at: no occurrence of %s within two days", text);
}

/* time.minutes(seconds): seconds as (fractional) minutes. */
static int time_minutes(lua_State *L) {
    lua_pushnumber(L, luaL_checknumber(L, 1) / 60);
    return 1;
}

void clua_set_host_helpers(lua_State *L, int allow) {
    allow = lua_absindex(L, allow);
    lua_pushcfunction(L, host_log);
    lua_setfield(L, allow, "log");
    lua_pushcfunction(L, host_trace);
    lua_setfield(L, allow, "trace");
    lua_pushcfunction(L, host_require);
    lua_setfield(L, allow, "require");
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, time_at);
    lua_setfield(L, -2, "at");
    lua_pushcfunction(L, time_minutes);
    lua_setfield(L, -2, "minutes");
}
