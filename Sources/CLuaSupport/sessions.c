#include <math.h>
#include <lauxlib.h>
#include "clua_support.h"
#include "sandbox_internal.h"

/* The field names of a session view, pushed once per call and reused for every session, so each
   field costs one table insert and no string lookup. Order matters: it is the insertion order of
   the former Swift writer, so tables hash the same way and `pairs` sees the same order. */
enum {
    KEY_ID, KEY_VEHICLE, KEY_VIN, KEY_BATTERY_KWH, KEY_MAX_KW, KEY_TENANT, KEY_CONNECTOR, KEY_CHARGER, KEY_BAY, KEY_AREA,
    KEY_SOC, KEY_TARGET_SOC, KEY_MIN_TARGET_SOC, KEY_ENERGY_NEEDED_KWH, KEY_ARRIVAL, KEY_DEPARTURE, KEY_MINUTES_TO_TARGET,
    KEY_PLUGGED_SINCE, KEY_RESERVED, KEY_PLANNED, KEY_LATE, KEY_COUNT
};
static const char *const key_names[KEY_COUNT] = {
    "id", "vehicle", "vin", "battery_kwh", "max_kw", "tenant", "connector", "charger", "bay", "area",
    "soc", "target_soc", "min_target_soc", "energy_needed_kwh", "arrival", "departure", "minutes_to_target",
    "plugged_since", "reserved", "planned", "late"};

typedef struct builder {
    lua_State *L;
    int keys;          /* stack index of the first key */
    const char *text;  /* the byte buffer every clua_text points into */
} builder;

/* Pushes the name of field `key`; the caller pushes the value and calls lua_rawset. */
static void push_key(const builder *b, int key) { lua_pushvalue(b->L, b->keys + key); }

static void set_text(const builder *b, int key, clua_text text, int table) {
    if (text.length < 0) return;
    push_key(b, key);
    lua_pushlstring(b->L, b->text + text.offset, (size_t)text.length);
    lua_rawset(b->L, table);
}

static void set_number(const builder *b, int key, double value, int table) {
    push_key(b, key);
    lua_pushnumber(b->L, value);
    lua_rawset(b->L, table);
}

/* Times are Unix seconds; whole seconds are integers, as the Swift writer pushes them. */
static void set_time(const builder *b, int key, double seconds, int table) {
    push_key(b, key);
    if (seconds == trunc(seconds) && fabs(seconds) < 1e15) {
        lua_pushinteger(b->L, (lua_Integer)seconds);
    } else {
        lua_pushnumber(b->L, seconds);
    }
    lua_rawset(b->L, table);
}

static void set_flag(const builder *b, int key, int on, int table) {
    push_key(b, key);
    lua_pushboolean(b->L, on);
    lua_rawset(b->L, table);
}

/* Optional values: set when present, cleared otherwise (the table is reused from the last call). */
static void set_or_clear(const builder *b, int key, int present, int table) {
    if (present) return;
    push_key(b, key);
    lua_pushnil(b->L);
    lua_rawset(b->L, table);
}

/* A view table of the pool: writes of new keys raise, so a policy cannot stash anything in it, and
   every documented field is rewritten before each evaluation, so what a policy changed in place
   is gone by the next one. */
static int refuse_write(lua_State *L) { return luaL_error(L, "policies cannot change ctx.sessions"); }

static void push_view(lua_State *L, int fields) {
    lua_createtable(L, 0, fields);
    if (luaL_newmetatable(L, CLUA_REG_VIEWMETA)) {
        lua_pushcfunction(L, refuse_write);
        lua_setfield(L, -2, "__newindex");
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

/* Pushes the pooled session, vehicle and connector tables of slot `i` (1-based), made on first
   use. They are kept in the pool, not read back from the session table, which the policy may have
   changed in place. */
static void push_slot(lua_State *L, int pool, int i) {
    if (lua_rawgeti(L, pool, 3 * i - 2) != LUA_TNIL) {
        lua_rawgeti(L, pool, 3 * i - 1);
        lua_rawgeti(L, pool, 3 * i);
        return;
    }
    lua_pop(L, 1);
    static const int sizes[3] = {16, 4, 5};
    for (int part = 0; part < 3; part++) {
        push_view(L, sizes[part]);
        lua_pushvalue(L, -1);
        lua_rawseti(L, pool, 3 * i - 2 + part);
    }
}

/* Rewrites every field of a pooled session (the session, vehicle and connector tables on top)
   from `s`, in the order of the contract; leaves the session table on top. */
static void patch_session(const builder *b, const clua_session *s, int tenants) {
    lua_State *L = b->L;
    int session = lua_gettop(L) - 2;
    int vehicle = session + 1;
    int connector = session + 2;
    set_text(b, KEY_ID, s->id, session);

    push_key(b, KEY_VEHICLE);
    lua_pushvalue(L, vehicle);
    lua_rawset(L, session);
    set_text(b, KEY_ID, s->vehicle_id, vehicle);
    set_text(b, KEY_VIN, s->vin, vehicle);
    set_or_clear(b, KEY_VIN, s->vin.length >= 0, vehicle);
    set_number(b, KEY_BATTERY_KWH, s->battery_kwh, vehicle);
    set_number(b, KEY_MAX_KW, s->vehicle_max_kw, vehicle);

    /* The tenant's view from ctx.tenants, or {id = …} for a tenant the depot does not know. */
    push_key(b, KEY_TENANT);
    lua_pushlstring(L, b->text + s->tenant.offset, (size_t)s->tenant.length);
    if (lua_rawget(L, tenants) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 1);
        set_text(b, KEY_ID, s->tenant, lua_gettop(L));
    }
    lua_rawset(L, session);

    push_key(b, KEY_CONNECTOR);
    lua_pushvalue(L, connector);
    lua_rawset(L, session);
    set_text(b, KEY_CHARGER, s->charger, connector);
    push_key(b, KEY_ID);
    lua_pushinteger(L, (lua_Integer)s->connector_id);
    lua_rawset(L, connector);
    set_text(b, KEY_BAY, s->bay, connector);
    set_or_clear(b, KEY_BAY, s->bay.length >= 0, connector);
    set_text(b, KEY_AREA, s->area, connector);
    set_or_clear(b, KEY_AREA, s->area.length >= 0, connector);
    set_number(b, KEY_MAX_KW, s->connector_max_kw, connector);

    set_number(b, KEY_SOC, s->soc, session);
    set_number(b, KEY_TARGET_SOC, s->target_soc, session);
    uint32_t present = s->present;
    if (present & CLUA_SESSION_MIN_TARGET_SOC) set_number(b, KEY_MIN_TARGET_SOC, s->min_target_soc, session);
    set_or_clear(b, KEY_MIN_TARGET_SOC, present & CLUA_SESSION_MIN_TARGET_SOC, session);
    set_number(b, KEY_ENERGY_NEEDED_KWH, s->energy_needed_kwh, session);
    if (present & CLUA_SESSION_ARRIVAL) set_time(b, KEY_ARRIVAL, s->arrival, session);
    set_or_clear(b, KEY_ARRIVAL, present & CLUA_SESSION_ARRIVAL, session);
    if (present & CLUA_SESSION_DEPARTURE) set_time(b, KEY_DEPARTURE, s->departure, session);
    set_or_clear(b, KEY_DEPARTURE, present & CLUA_SESSION_DEPARTURE, session);
    if (present & CLUA_SESSION_MINUTES_TO_TARGET) set_number(b, KEY_MINUTES_TO_TARGET, s->minutes_to_target, session);
    set_or_clear(b, KEY_MINUTES_TO_TARGET, present & CLUA_SESSION_MINUTES_TO_TARGET, session);
    if (present & CLUA_SESSION_PLUGGED_SINCE) set_time(b, KEY_PLUGGED_SINCE, s->plugged_since, session);
    set_or_clear(b, KEY_PLUGGED_SINCE, present & CLUA_SESSION_PLUGGED_SINCE, session);
    set_flag(b, KEY_RESERVED, (present & CLUA_SESSION_RESERVED) != 0, session);
    set_flag(b, KEY_PLANNED, (present & CLUA_SESSION_PLANNED) != 0, session);
    set_flag(b, KEY_LATE, (present & CLUA_SESSION_LATE) != 0, session);
    lua_settop(L, session);
}

void clua_push_sessions(lua_State *L, const clua_session *sessions, int count, const char *text, int tenants) {
    tenants = lua_absindex(L, tenants);
    if (lua_getfield(L, LUA_REGISTRYINDEX, CLUA_REG_SESSIONS) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, CLUA_REG_SESSIONS);
    }
    int pool = lua_gettop(L);
    lua_createtable(L, count, 0); /* the list itself is fresh, as before */
    int list = lua_gettop(L);
    builder b = {L, list + 1, text};
    for (int key = 0; key < KEY_COUNT; key++) lua_pushstring(L, key_names[key]);
    for (int i = 0; i < count; i++) {
        push_slot(L, pool, i + 1);
        patch_session(&b, &sessions[i], tenants);
        lua_rawseti(L, list, i + 1);
    }
    lua_settop(L, list);
    lua_remove(L, pool);
}
