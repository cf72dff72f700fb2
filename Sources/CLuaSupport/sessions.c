#include <math.h>
#include <string.h>
#include <lauxlib.h>
#include "clua_support.h"
#include "sandbox_internal.h"

/* ctx.sessions of a priority call (docs/conventions.md, Lua binding: marshalling dominates).

   Each slot of the list is a persistent read-only view: an empty proxy table whose metatable reads
   through to a data table the policy cannot reach, refuses writes and iterates the data with
   `pairs` and `next`. Because nothing a policy does can change a data table, a field is written
   only when its value differs from the previous call's, so a tick where few values moved costs
   little; the list itself is fresh on every call, as before. */

enum {
    KEY_ID, KEY_VEHICLE, KEY_VIN, KEY_BATTERY_KWH, KEY_MAX_KW, KEY_TENANT, KEY_CONNECTOR, KEY_CHARGER, KEY_BAY, KEY_AREA,
    KEY_SOC, KEY_TARGET_SOC, KEY_MIN_TARGET_SOC, KEY_ENERGY_NEEDED_KWH, KEY_ARRIVAL, KEY_DEPARTURE, KEY_MINUTES_TO_TARGET,
    KEY_PLUGGED_SINCE, KEY_RESERVED, KEY_PLANNED, KEY_LATE, KEY_COUNT
};
static const char *const key_names[KEY_COUNT] = {
    "id", "vehicle", "vin", "battery_kwh", "max_kw", "tenant", "connector", "charger", "bay", "area",
    "soc", "target_soc", "min_target_soc", "energy_needed_kwh", "arrival", "departure", "minutes_to_target",
    "plugged_since", "reserved", "planned", "late"};

/* The pool's layout per slot i (1-based): data tables of session, vehicle, connector, then the
   session's proxy. */
#define SLOT_SIZE 4
#define SLOT(i, part) (SLOT_SIZE * ((i) - 1) + 1 + (part))
enum { PART_SESSION, PART_VEHICLE, PART_CONNECTOR, PART_PROXY };

/* What the previous call wrote, to compare against (a userdata in the registry). */
typedef struct previous_sessions {
    int count;
    int record_capacity;
    size_t text_capacity;
    /* clua_session records[record_capacity], then text_capacity bytes of text */
} previous_sessions;

static clua_session *previous_records(previous_sessions *p) { return (clua_session *)(p + 1); }
static char *previous_text(previous_sessions *p) { return (char *)(previous_records(p) + p->record_capacity); }

typedef struct builder {
    lua_State *L;
    int keys;             /* stack index of the first key */
    const char *text;     /* the byte buffer every clua_text of this call points into */
    const clua_session *old;     /* the slot's previous values, or NULL to write every field */
    const char *old_text;
} builder;

static void push_key(const builder *b, int key) { lua_pushvalue(b->L, b->keys + key); }

static int same_text(const builder *b, clua_text now, clua_text before) {
    return now.length == before.length &&
           (now.length <= 0 || memcmp(b->text + now.offset, b->old_text + before.offset, (size_t)now.length) == 0);
}

static void write_text(const builder *b, int key, clua_text text, int table) {
    push_key(b, key);
    if (text.length < 0) {
        lua_pushnil(b->L);
    } else {
        lua_pushlstring(b->L, b->text + text.offset, (size_t)text.length);
    }
    lua_rawset(b->L, table);
}

static void write_number(const builder *b, int key, double value, int table) {
    push_key(b, key);
    lua_pushnumber(b->L, value);
    lua_rawset(b->L, table);
}

/* Times are Unix seconds; whole seconds are integers, as the Swift writer pushes them. */
static void write_time(const builder *b, int key, double seconds, int table) {
    push_key(b, key);
    if (seconds == trunc(seconds) && fabs(seconds) < 1e15) {
        lua_pushinteger(b->L, (lua_Integer)seconds);
    } else {
        lua_pushnumber(b->L, seconds);
    }
    lua_rawset(b->L, table);
}

static void write_flag(const builder *b, int key, int on, int table) {
    push_key(b, key);
    lua_pushboolean(b->L, on);
    lua_rawset(b->L, table);
}

/* Writes field `key` when it changed (or the slot is new). Absent optional values become nil. */
#define TEXT(key, field, table) \
    if (b->old == NULL || !same_text(b, s->field, b->old->field)) write_text(b, key, s->field, table)
#define NUMBER(key, field, table) \
    if (b->old == NULL || memcmp(&s->field, &b->old->field, sizeof(double)) != 0) write_number(b, key, s->field, table)
#define OPTIONAL(key, field, bit, write, table)                                                                           \
    if (b->old == NULL || ((s->present ^ b->old->present) & (bit)) ||                                                   \
        ((s->present & (bit)) && memcmp(&s->field, &b->old->field, sizeof(double)) != 0)) {                             \
        if (s->present & (bit)) {                                                                                         \
            write(b, key, s->field, table);                                                                               \
        } else {                                                                                                          \
            push_key(b, key);                                                                                             \
            lua_pushnil(b->L);                                                                                            \
            lua_rawset(b->L, table);                                                                                      \
        }                                                                                                                 \
    }
#define FLAG(key, bit, table) \
    if (b->old == NULL || ((s->present ^ b->old->present) & (bit))) write_flag(b, key, (s->present & (bit)) != 0, table)

static void patch_session(const builder *b, const clua_session *s, int session, int vehicle, int connector, int tenants) {
    lua_State *L = b->L;
    TEXT(KEY_ID, id, session);
    TEXT(KEY_ID, vehicle_id, vehicle);
    TEXT(KEY_VIN, vin, vehicle);
    NUMBER(KEY_BATTERY_KWH, battery_kwh, vehicle);
    NUMBER(KEY_MAX_KW, vehicle_max_kw, vehicle);

    /* The tenant's view from this call's ctx.tenants (a fresh table each call), or {id = …} for a
       tenant the depot does not know. */
    push_key(b, KEY_TENANT);
    lua_pushlstring(L, b->text + s->tenant.offset, (size_t)s->tenant.length);
    if (lua_rawget(L, tenants) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 1);
        push_key(b, KEY_ID);
        lua_pushlstring(L, b->text + s->tenant.offset, (size_t)s->tenant.length);
        lua_rawset(L, -3);
    }
    lua_rawset(L, session);

    TEXT(KEY_CHARGER, charger, connector);
    if (b->old == NULL || s->connector_id != b->old->connector_id) {
        push_key(b, KEY_ID);
        lua_pushinteger(L, (lua_Integer)s->connector_id);
        lua_rawset(L, connector);
    }
    TEXT(KEY_BAY, bay, connector);
    TEXT(KEY_AREA, area, connector);
    NUMBER(KEY_MAX_KW, connector_max_kw, connector);

    NUMBER(KEY_SOC, soc, session);
    NUMBER(KEY_TARGET_SOC, target_soc, session);
    OPTIONAL(KEY_MIN_TARGET_SOC, min_target_soc, CLUA_SESSION_MIN_TARGET_SOC, write_number, session);
    NUMBER(KEY_ENERGY_NEEDED_KWH, energy_needed_kwh, session);
    OPTIONAL(KEY_ARRIVAL, arrival, CLUA_SESSION_ARRIVAL, write_time, session);
    OPTIONAL(KEY_DEPARTURE, departure, CLUA_SESSION_DEPARTURE, write_time, session);
    OPTIONAL(KEY_MINUTES_TO_TARGET, minutes_to_target, CLUA_SESSION_MINUTES_TO_TARGET, write_number, session);
    OPTIONAL(KEY_PLUGGED_SINCE, plugged_since, CLUA_SESSION_PLUGGED_SINCE, write_time, session);
    FLAG(KEY_RESERVED, CLUA_SESSION_RESERVED, session);
    FLAG(KEY_PLANNED, CLUA_SESSION_PLANNED, session);
    FLAG(KEY_LATE, CLUA_SESSION_LATE, session);
}

static int refuse_write(lua_State *L) { return luaL_error(L, "policies cannot change ctx.sessions"); }

/* __pairs of a view: iterate with the allow-list's `next`, which reads through the proxy, so the
   data table itself is never handed to the policy. */
static int view_pairs(lua_State *L) {
    lua_pushcfunction(L, clua_view_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

int clua_view_next(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    if (lua_getmetatable(L, 1)) {
        lua_pushliteral(L, "__pairs");
        lua_rawget(L, -2);
        if (lua_tocfunction(L, -1) == view_pairs) {
            lua_pushliteral(L, "__index");
            lua_rawget(L, -3);
            lua_replace(L, 1);
        }
        lua_settop(L, 2);
    }
    if (lua_next(L, 1)) return 2;
    lua_pushnil(L);
    return 1;
}

int clua_view_data(lua_State *L, int index) {
    if (!lua_getmetatable(L, index)) return 0;
    lua_pushliteral(L, "__pairs");
    lua_rawget(L, -2);
    int view = lua_tocfunction(L, -1) == view_pairs;
    lua_pop(L, 1);
    if (view) {
        lua_pushliteral(L, "__index");
        lua_rawget(L, -2);
        lua_remove(L, -2);
        return 1;
    }
    lua_pop(L, 1);
    return 0;
}

/* Pushes a proxy reading through to the table at `data`. */
static void push_proxy(lua_State *L, int data) {
    data = lua_absindex(L, data);
    lua_newtable(L);
    lua_createtable(L, 0, 4);
    lua_pushvalue(L, data);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, refuse_write);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, view_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

/* Sets field `key` of the session data at `session` to a proxy of the slot's data table `part`. */
static void set_proxy(const builder *b, int pool, int i, int key, int part, int session) {
    push_key(b, key);
    lua_rawgeti(b->L, pool, SLOT(i, part));
    push_proxy(b->L, -1);
    lua_remove(b->L, -2);
    lua_rawset(b->L, session);
}

/* Makes slot `i` of the pool: the three data tables, the vehicle and connector proxies stored in
   the session's data, and the session's proxy. */
static void make_slot(const builder *b, int pool, int i) {
    lua_State *L = b->L;
    static const int sizes[3] = {16, 4, 5};
    for (int part = PART_SESSION; part <= PART_CONNECTOR; part++) {
        lua_createtable(L, 0, sizes[part]);
        lua_rawseti(L, pool, SLOT(i, part));
    }
    lua_rawgeti(L, pool, SLOT(i, PART_SESSION));
    int session = lua_gettop(L);
    /* The same insertion order as a fresh table of the contract: id, vehicle, tenant, connector. */
    push_key(b, KEY_ID);
    lua_pushboolean(L, 0);
    lua_rawset(L, session);
    set_proxy(b, pool, i, KEY_VEHICLE, PART_VEHICLE, session);
    push_key(b, KEY_TENANT);
    lua_pushboolean(L, 0);
    lua_rawset(L, session);
    set_proxy(b, pool, i, KEY_CONNECTOR, PART_CONNECTOR, session);
    push_proxy(L, session);
    lua_rawseti(L, pool, SLOT(i, PART_PROXY));
    lua_pop(L, 1);
}

/* Pushes the registry value at `key`, creating an empty table there first if needed. */
static int push_registry_table(lua_State *L, const char *key) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, key) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, key);
    }
    return lua_gettop(L);
}

void clua_push_sessions(lua_State *L, const clua_session *sessions, int count, const char *text, int tenants) {
    tenants = lua_absindex(L, tenants);
    /* The keys stay on the stack while slots are made and patched. Only a real out-of-memory can
       fail here, which the panic handler turns into an abort, as for any input push. */
    luaL_checkstack(L, KEY_COUNT + 16, "ctx.sessions");
    int pool = push_registry_table(L, CLUA_REG_SESSIONS);
    lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_PREVIOUS);
    previous_sessions *previous = (previous_sessions *)lua_touserdata(L, -1);
    int previous_count = previous == NULL ? 0 : previous->count;
    int made = (int)lua_rawlen(L, pool) / SLOT_SIZE;

    lua_createtable(L, count, 0); /* the list is fresh on every call */
    int list = lua_gettop(L);
    builder b = {L, list + 1, text, NULL, previous == NULL ? NULL : previous_text(previous)};
    for (int key = 0; key < KEY_COUNT; key++) lua_pushstring(L, key_names[key]);
    int base = lua_gettop(L);
    for (int i = 1; i <= count; i++) {
        if (i > made) make_slot(&b, pool, i);
        b.old = i <= previous_count && i <= made ? &previous_records(previous)[i - 1] : NULL;
        lua_rawgeti(L, pool, SLOT(i, PART_SESSION));
        lua_rawgeti(L, pool, SLOT(i, PART_VEHICLE));
        lua_rawgeti(L, pool, SLOT(i, PART_CONNECTOR));
        patch_session(&b, &sessions[i - 1], base + 1, base + 2, base + 3, tenants);
        lua_rawgeti(L, pool, SLOT(i, PART_PROXY));
        lua_rawseti(L, list, i);
        lua_settop(L, base);
    }

    /* Remember what was written, for the next call's comparison. */
    size_t text_length = 0;
    for (int i = 0; i < count; i++) {
        const clua_text *fields[] = {&sessions[i].id, &sessions[i].tenant, &sessions[i].vehicle_id, &sessions[i].vin,
                                     &sessions[i].charger, &sessions[i].bay, &sessions[i].area};
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
            if (fields[f]->length > 0 && (size_t)(fields[f]->offset + fields[f]->length) > text_length) {
                text_length = (size_t)(fields[f]->offset + fields[f]->length);
            }
        }
    }
    /* Kept in place when it is large enough, so a steady depot allocates nothing here. */
    if (previous == NULL || previous->record_capacity < count || previous->text_capacity < text_length) {
        int records = count + count / 2 + 8;
        size_t capacity = text_length + text_length / 2 + 64;
        previous = (previous_sessions *)lua_newuserdatauv(L, sizeof(previous_sessions) + sizeof(clua_session) * (size_t)records + capacity, 0);
        previous->record_capacity = records;
        previous->text_capacity = capacity;
        lua_setfield(L, LUA_REGISTRYINDEX, CLUA_REG_PREVIOUS);
    }
    previous->count = count;
    if (count > 0) memcpy(previous_records(previous), sessions, sizeof(clua_session) * (size_t)count);
    if (text_length > 0) memcpy(previous_text(previous), text, text_length);

    lua_settop(L, list);
    lua_remove(L, pool + 1); /* the previous userdata */
    lua_remove(L, pool);
}
