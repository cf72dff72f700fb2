import Foundation
import VDV

extension VDV261.Request {
    /// The POST body a bus sends: a JSON object with the wire names of docs/vdv.md B4, absent fields left out.
    func body() -> Data {
        var object: [String: Any] = ["seq": seq, "vin": vin]
        let integers: [(VDV261.Field, Int?)] = [
            (.odo, odo), (.batReqtime, batReqtime), (.batEamount, batEamount), (.bprecEamount, bprecEamount),
            (.precReqtime, precReqtime), (.precEamount, precEamount), (.chrgStat, chrgStat), (.h2Stat, h2Stat), (.batStat, batStat),
        ]
        for case (let field, let value?) in integers { object[field.rawValue] = value }
        if let evccid { object[VDV261.Field.evccid.rawValue] = evccid }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
