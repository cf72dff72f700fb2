#include <stdlib.h>
#include <lauxlib.h>
#include "clua_support.h"

void *clua_capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    clua_accounting *accounting = (clua_accounting *)ud;
    size_t old = ptr == NULL ? 0 : osize; /* Lua stores a type tag in osize for new blocks */
    if (nsize == 0) {
        free(ptr);
        accounting->used -= old;
        return NULL;
    }
    if (nsize > old && accounting->enforce && accounting->used + (nsize - old) > accounting->limit) {
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    accounting->used = accounting->used - old + nsize;
    if (accounting->used > accounting->peak) accounting->peak = accounting->used;
    return block;
}

lua_State *clua_newstate(clua_accounting *accounting) {
    return lua_newstate(clua_capped_alloc, accounting);
}

int clua_linked_version(void) {
    lua_State *L = luaL_newstate();
    if (L == NULL) return 0;
    int version = (int)lua_version(L);
    lua_close(L);
    return version;
}

const char *clua_release(void) { return LUA_RELEASE; }
