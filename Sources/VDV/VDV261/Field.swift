extension VDV261 {
    /// The request fields of docs/vdv.md B4 by wire name, so settings can name a field
    /// (its SNA value, its scale factor) and errors can say which one is wrong.
    public enum Field: String, CodingKey, CaseIterable, Sendable {
        /// Sequence counter.
        case seq
        /// Vehicle id.
        case vin
        /// EVCC MAC address.
        case evccid
        /// Odometer.
        case odo
        /// HV battery preconditioning time.
        case batReqtime = "bat_reqtime"
        /// Battery energy need.
        case batEamount = "bat_eamount"
        /// Battery preconditioning energy.
        case bprecEamount = "bprec_eamount"
        /// Cabin preconditioning time.
        case precReqtime = "prec_reqtime"
        /// Cabin preconditioning energy.
        case precEamount = "prec_eamount"
        /// Charging status code.
        case chrgStat = "chrg_stat"
        /// H2 tank status code.
        case h2Stat = "h2_stat"
        /// Battery status code.
        case batStat = "bat_stat"
    }
}
