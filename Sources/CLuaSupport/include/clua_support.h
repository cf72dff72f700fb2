#ifndef BUSBAR_CLUA_SUPPORT_H
#define BUSBAR_CLUA_SUPPORT_H

#include <stddef.h>
#include <lua.h>

/* Per-state memory accounting, kept in the state's extra space (conventions.md, Lua binding). */
typedef struct clua_accounting {
    size_t used;     /* bytes currently allocated by the state */
    size_t peak;     /* the most ever allocated */
    size_t limit;    /* the cap while `enforce` is set */
    int enforce;     /* 1 while policy code runs: allocations above `limit` fail */
} clua_accounting;

/* The capped allocator: counts nsize - osize; osize is a type tag when ptr is NULL. */
void *clua_capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* A state whose allocations are accounted in `accounting` (which must outlive the state). */
lua_State *clua_newstate(clua_accounting *accounting);

/* The Lua release linked at run time, as LUA_VERSION_NUM-style number (504) and release text. */
int clua_linked_version(void);
const char *clua_release(void);

#endif
