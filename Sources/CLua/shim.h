#ifndef BUSBAR_CLUA_SHIM_H
#define BUSBAR_CLUA_SHIM_H

#include <lua.h>
#include <lualib.h>
#include <lauxlib.h>

#if LUA_VERSION_NUM != 504
#error "Busbar needs Lua 5.4 (Debian: liblua5.4-dev); lua_newstate changed in 5.5"
#endif

/* Wrappers for macros Swift cannot import. No storage here: header statics fail to link. */
static inline void clua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline int clua_pcall(lua_State *L, int nargs, int nresults, int msgh) { return lua_pcall(L, nargs, nresults, msgh); }
static inline const char *clua_tostring(lua_State *L, int index) { return lua_tostring(L, index); }
static inline lua_Number clua_tonumber(lua_State *L, int index) { return lua_tonumber(L, index); }
static inline void clua_newtable(lua_State *L) { lua_newtable(L); }
static inline int clua_isnil(lua_State *L, int index) { return lua_isnil(L, index); }
static inline void *clua_getextraspace(lua_State *L) { return lua_getextraspace(L); }
static inline int clua_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline int clua_registryindex(void) { return LUA_REGISTRYINDEX; }

#endif
