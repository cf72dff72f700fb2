#include <time.h>
#include <lauxlib.h>
#include "clua_support.h"
#include "sandbox_internal.h"

static int64_t monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

/* Counts executed lines per "file:line" for --explain; only policy chunks are recorded. */
static void record_line(lua_State *L, lua_Debug *ar) {
    if (!lua_getinfo(L, "S", ar) || ar->source[0] != '@') return;
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_LINES);
    lua_pushfstring(L, "%s:%d", ar->source + 1, ar->currentline);
    lua_pushvalue(L, -1);
    lua_rawget(L, -3);
    lua_Integer hits = lua_tointeger(L, -1);
    lua_pop(L, 1);
    lua_pushinteger(L, hits + 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

void clua_hook(lua_State *L, lua_Debug *ar) {
    clua_accounting *box = clua_box(L);
    if (ar->event == LUA_HOOKLINE) {
        record_line(L, ar);
        return;
    }
    if (box->memory_exhausted) {
        luaL_error(L, "memory limit exceeded (%d MiB)", (int)(box->limit >> 20));
        return;
    }
    if (!box->budget_exhausted) {
        box->instructions += CLUA_HOOK_STEP;
        if (box->instructions < box->budget && monotonic_ns() < box->deadline_ns) return;
        /* Sticky from now on: every further instruction raises, so a pcall cannot swallow it. */
        box->budget_exhausted = 1;
        lua_sethook(L, clua_hook, LUA_MASKCOUNT, 1);
    }
    /* luaL_error prefixes the running policy line (file:line). */
    if (box->instructions >= box->budget) {
        luaL_error(L, "instruction budget exhausted (%I instructions)", (lua_Integer)box->budget);
    } else {
        luaL_error(L, "wall-clock deadline exceeded (%d ms)", (int)(box->wall_budget_ns / 1000000));
    }
}

int clua_sandbox_call(lua_State *L, int nargs) {
    clua_accounting *box = clua_box(L);
    int base = lua_gettop(L) - nargs - 2; /* index of the entry function */
    lua_getfield(L, LUA_REGISTRYINDEX, "busbar.msgh");
    lua_insert(L, base);
    box->instructions = 0;
    box->budget_exhausted = 0;
    box->memory_exhausted = 0;
    box->deadline_ns = monotonic_ns() + box->wall_budget_ns;
    box->enforce = 1;
    lua_sethook(L, clua_hook, LUA_MASKCOUNT | (box->explain ? LUA_MASKLINE : 0), CLUA_HOOK_STEP);
    int status = lua_pcall(L, nargs + 2, 2, base);
    lua_sethook(L, NULL, 0, 0);
    box->enforce = 0;
    lua_remove(L, base);
    if (box->memory_exhausted || status == LUA_ERRMEM) return CLUA_ERRMEMORY;
    if (box->budget_exhausted) return CLUA_ERRBUDGET;
    return status;
}
