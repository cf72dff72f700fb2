#include <string.h>
#include <lauxlib.h>
#include <lualib.h>
#include "clua_support.h"
#include "sandbox_internal.h"

static int refuse_write(lua_State *L) {
    return luaL_error(L, "%s", lua_tostring(L, lua_upvalueindex(1)));
}

void clua_push_readonly(lua_State *L, int index, const char *message) {
    index = lua_absindex(L, index);
    lua_newtable(L);                 /* the proxy stays empty */
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, index);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, message);
    lua_pushcclosure(L, refuse_write, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

/* Copies the named fields of the table at `from` into the table at the top of the stack. */
static void copy_fields(lua_State *L, int from, const char *const *names) {
    for (; *names != NULL; names++) {
        lua_getfield(L, from, *names);
        lua_setfield(L, -2, *names);
    }
}

static const char *const base_names[] = {
    "type", "tostring", "tonumber", "pairs", "ipairs", "next", "select", "error", "assert", "pcall", NULL};
static const char *const string_names[] = {
    "byte", "char", "format", "len", "lower", "upper", "rep", "reverse", "sub", "pack", "packsize", "unpack", NULL};
static const char *const table_names[] = {"concat", "insert", "move", "pack", "remove", "sort", "unpack", NULL};
static const char *const math_names[] = {
    "abs", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max", "maxinteger", "min", "mininteger",
    "modf", "pi", "rad", "sin", "sqrt", "tan", "tointeger", "type", "ult", "acos", "asin", "atan", NULL};
static const char *const utf8_names[] = {"char", "charpattern", "codes", "codepoint", "len", "offset", NULL};

static const char *const library_message = "policies cannot change library tables";

/* Pushes a fresh table with the named fields of library `name` (opened in the default globals). */
static void push_library_copy(lua_State *L, const char *name, const char *const *names) {
    lua_getglobal(L, name);
    lua_newtable(L);
    copy_fields(L, lua_absindex(L, -2), names);
    lua_remove(L, -2);
}

/* Message handler: the error message plus a traceback (the first line reads file:line: message). */
static int message_handler(lua_State *L) {
    const char *message = lua_tostring(L, 1);
    if (message == NULL) message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, message, 1);
    return 1;
}

/* Runs protected: opens the libraries, builds the allow-list from scratch, freezes strings. */
static int open_sandbox(lua_State *L) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 0);

    lua_newtable(L); /* 1: the allow-list, never exposed itself */
    lua_pushglobaltable(L);
    lua_insert(L, -2);
    copy_fields(L, 1, base_names);
    lua_pushcfunction(L, clua_view_next);
    lua_setfield(L, -2, "next"); /* reads session views through their proxy */
    lua_remove(L, 1); /* the default globals are no longer needed on the stack */

    /* string: without dump, with guarded pattern functions; also the strings' __index. */
    push_library_copy(L, LUA_STRLIBNAME, string_names);
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_insert(L, -2);
    clua_set_pattern_guards(L, -2);
    lua_remove(L, -2);
    clua_push_readonly(L, -1, library_message);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    lua_setfield(L, 1, LUA_STRLIBNAME);
    lua_pop(L, 1);

    push_library_copy(L, LUA_TABLIBNAME, table_names);
    clua_set_table_guards(L);
    clua_push_readonly(L, -1, library_message);
    lua_setfield(L, 1, LUA_TABLIBNAME);
    lua_pop(L, 1);
    push_library_copy(L, LUA_MATHLIBNAME, math_names);
    clua_push_readonly(L, -1, library_message);
    lua_setfield(L, 1, LUA_MATHLIBNAME);
    lua_pop(L, 1);
    push_library_copy(L, LUA_UTF8LIBNAME, utf8_names);
    clua_push_readonly(L, -1, library_message);
    lua_setfield(L, 1, LUA_UTF8LIBNAME);
    lua_pop(L, 1);

    clua_set_host_helpers(L, 1);
    clua_push_readonly(L, -1, library_message);
    lua_setfield(L, 1, "time");
    lua_pop(L, 1);

    /* The metatable of every evaluation's _ENV proxy. */
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "policies cannot set globals");
    lua_pushcclosure(L, refuse_write, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setfield(L, LUA_REGISTRYINDEX, CLUA_REG_ENVMETA);

    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, CLUA_REG_MODULES);
    lua_pushcfunction(L, message_handler);
    lua_setfield(L, LUA_REGISTRYINDEX, "busbar.msgh");
    return 0;
}

lua_State *clua_sandbox_open(clua_accounting *accounting) {
    lua_State *L = clua_newstate(accounting);
    if (L == NULL) return NULL;
    lua_pushcfunction(L, open_sandbox);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        lua_close(L);
        return NULL;
    }
    return L;
}

int clua_sandbox_load(lua_State *L, const char *path, const char *chunkname, const char *text, size_t length) {
    clua_accounting *box = clua_box(L);
    lua_settop(L, 0);
    if (length >= 4 && memcmp(text, LUA_SIGNATURE, 4) == 0) {
        lua_pushfstring(L, "%s: binary chunks are not accepted", chunkname + 1);
        return LUA_ERRSYNTAX;
    }
    box->memory_exhausted = 0;
    box->enforce = 1;
    int status = luaL_loadbufferx(L, text, length, chunkname, "t");
    box->enforce = 0;
    lua_sethook(L, NULL, 0, 0); /* the allocator may have armed it */
    if (box->memory_exhausted) status = LUA_ERRMEM;
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM) {
            lua_settop(L, 0);
            lua_pushfstring(L, "%s: memory limit exceeded while compiling", chunkname + 1);
        }
        return status;
    }
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_MODULES);
    lua_insert(L, -2);
    lua_setfield(L, -2, path);
    lua_settop(L, 0);
    return LUA_OK;
}

/* Resets the per-evaluation tables and makes a fresh _ENV proxy. */
static void begin_evaluation(lua_State *L) {
    lua_newtable(L);
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_ENVMETA);
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, CLUA_REG_ENV);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, CLUA_REG_LOADED);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, CLUA_REG_LOG);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, CLUA_REG_TRACE);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, CLUA_REG_LINES);
}

/* Runs protected: (path, function, args...) -> (found, result). Instantiates the chunk with the
   fresh _ENV, then calls the module's function; an empty function name returns the module. */
static int entry(lua_State *L) {
    int nargs = lua_gettop(L) - 2;
    const char *path = lua_tostring(L, 1);
    const char *function = lua_tostring(L, 2);
    begin_evaluation(L);
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_MODULES);
    lua_getfield(L, -1, path);
    lua_remove(L, -2);
    if (!lua_isfunction(L, -1)) return luaL_error(L, "%s: not compiled", path);
    lua_Debug chunk;
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">S", &chunk);
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_ENV);
    lua_setupvalue(L, -2, 1);
    lua_call(L, 0, 1);
    if (!lua_istable(L, -1)) {
        return luaL_error(L, "%s: the file must return a table of functions, got %s", chunk.source + 1, luaL_typename(L, -1));
    }
    if (function[0] == '\0') {
        lua_pushboolean(L, 1);
        lua_insert(L, -2);
        return 2;
    }
    lua_getfield(L, -1, function);
    if (lua_isnil(L, -1)) {
        lua_pushboolean(L, 0);
        return 1;
    }
    if (!lua_isfunction(L, -1)) {
        return luaL_error(L, "%s: %s is a %s, not a function", chunk.source + 1, function, luaL_typename(L, -1));
    }
    lua_Debug ar;
    lua_pushvalue(L, -1);
    clua_box(L)->function_line = lua_getinfo(L, ">S", &ar) ? ar.linedefined : 0;
    lua_insert(L, 3); /* below the arguments */
    lua_settop(L, 3 + nargs);
    lua_call(L, nargs, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, -2);
    return 2;
}

void clua_sandbox_prepare(lua_State *L, const char *path, const char *function) {
    lua_settop(L, 0);
    lua_pushcfunction(L, entry);
    lua_pushstring(L, path);
    lua_pushstring(L, function);
}

void clua_sandbox_push_log(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_LOG); }
void clua_sandbox_push_trace(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_TRACE); }
void clua_sandbox_push_lines(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_LINES); }
