#include <stdlib.h>
#include <stdio.h>
#include <lauxlib.h>
#include "clua_support.h"
#include "sandbox_internal.h"

void *clua_capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    clua_accounting *accounting = (clua_accounting *)ud;
    size_t old = ptr == NULL ? 0 : osize; /* Lua stores a type tag in osize for new blocks */
    if (nsize == 0) {
        free(ptr);
        accounting->used -= old;
        return NULL;
    }
    if (nsize > old && accounting->enforce && accounting->used + (nsize - old) > accounting->limit) {
        /* Sticky: a pcall inside the policy may catch this error, the next instruction may not. */
        accounting->memory_exhausted = 1;
        if (accounting->state != NULL) lua_sethook(accounting->state, clua_hook, LUA_MASKCOUNT, 1);
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    accounting->used = accounting->used - old + nsize;
    if (accounting->used > accounting->peak) accounting->peak = accounting->used;
    return block;
}

/* Lua calls this only for an error outside any protected call: a bug in Busbar, never policy code.
   It must not return into Swift frames, so it aborts. */
static int panic(lua_State *L) {
    const char *message = lua_tostring(L, -1);
    fprintf(stderr, "busbar: unprotected Lua error: %s\n", message == NULL ? "(no message)" : message);
    abort();
    return 0;
}

lua_State *clua_newstate(clua_accounting *accounting) {
    lua_State *L = lua_newstate(clua_capped_alloc, accounting);
    if (L == NULL) return NULL;
    *(clua_accounting **)lua_getextraspace(L) = accounting;
    accounting->state = L;
    lua_atpanic(L, panic);
    return L;
}

clua_accounting *clua_box(lua_State *L) { return *(clua_accounting **)lua_getextraspace(L); }

int clua_linked_version(void) {
    lua_State *L = luaL_newstate();
    if (L == NULL) return 0;
    int version = (int)lua_version(L);
    lua_close(L);
    return version;
}

const char *clua_release(void) { return LUA_RELEASE; }
