import DepotModel

extension LuaWriter {
    /// Pushes `ev` of an enforcement call; `tenant` becomes the tenant's view.
    func pushEvent(_ event: EnforcementEvent, tenants: Int32) {
        newTable(fields: 12)
        set("kind", event.kind.rawValue)
        if let tenant = event.tenant {
            pushTenant(tenant, tenants: tenants)
            setField("tenant")
        }
        set("vehicle", event.vehicle?.rawValue)
        set("expected_vehicle", event.expectedVehicle?.rawValue)
        set("charger", event.charger?.rawValue)
        set("connector_id", event.connectorId)
        set("area", event.area?.rawValue)
        set("reservation", event.reservation?.rawValue)
        set("reserved_from", event.reservedFrom)
        set("reserved_until", event.reservedUntil)
        set("departure", event.departure)
        set("token", event.token)
    }

    /// Pushes `ev` of an escalation call; `tenant` becomes the tenant's view.
    func pushEvent(_ event: OperationalEvent, tenants: Int32) {
        newTable(fields: 10)
        set("kind", event.kind.rawValue)
        set("at", event.at)
        if let tenant = event.tenant {
            pushTenant(tenant, tenants: tenants)
            setField("tenant")
        }
        set("vehicle", event.vehicle?.rawValue)
        set("charger", event.charger?.rawValue)
        set("connector_id", event.connectorId)
        set("departure", event.departure)
        set("offset_s", event.offsetS)
        set("soc", event.soc?.value)
        set("message", event.message)
    }

    /// Pushes `v` of a pre-conditioning call.
    func pushVehicle(_ view: PreconditioningVehicleView, tenants: Int32) {
        newTable(fields: 12)
        pushVehicle(view.vehicle)
        setField("vehicle")
        if let tenant = view.tenant {
            pushTenant(tenant, tenants: tenants)
            setField("tenant")
        }
        set("departure", view.departure)
        set("ambient_c", view.ambientC)
        set("soc", view.soc?.value)
        set("requested_mode", view.requestedMode?.rawValue)
        set("requested_start", view.requestedStart)
        set("requested_finish", view.requestedFinish)
        set("bat_reqtime", view.batReqtime)
        set("prec_reqtime", view.precReqtime)
        set("bat_eamount", view.batEamount)
        set("prec_eamount", view.precEamount)
    }
}
