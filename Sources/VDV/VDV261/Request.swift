public import Foundation

extension VDV261 {
    /// One POST from a vehicle (vdv.md B4). Units are the assumed ones (km, minutes, Wh); status
    /// codes are raw because their tables are unpublished.
    public struct Request: Equatable, Sendable {
        /// Sequence counter 0–255; 0 is a complete set, later ones deltas, wrapping 255 → 0.
        public var seq: Int
        /// The vehicle id, 11–17 ASCII characters; must equal the Basic-auth username.
        public var vin: String
        /// EVCC MAC address, used to find the connector.
        public var evccid: String?
        /// Odometer, km.
        public var odo: Int?
        /// Time the HV battery needs to precondition, minutes.
        public var batReqtime: Int?
        /// Battery energy need including preconditioning, Wh.
        public var batEamount: Int?
        /// Battery preconditioning energy (one vendor only), Wh.
        public var bprecEamount: Int?
        /// Time for cabin preconditioning, minutes.
        public var precReqtime: Int?
        /// Cabin preconditioning energy, Wh.
        public var precEamount: Int?
        /// Charging/readiness status, raw code.
        public var chrgStat: Int?
        /// H2 tank status, raw code (V2).
        public var h2Stat: Int?
        /// Battery status, raw code (V2).
        public var batStat: Int?

        /// A request with the given fields.
        public init(
            seq: Int,
            vin: String,
            evccid: String? = nil,
            odo: Int? = nil,
            batReqtime: Int? = nil,
            batEamount: Int? = nil,
            bprecEamount: Int? = nil,
            precReqtime: Int? = nil,
            precEamount: Int? = nil,
            chrgStat: Int? = nil,
            h2Stat: Int? = nil,
            batStat: Int? = nil
        ) {
            self.seq = seq
            self.vin = vin
            self.evccid = evccid
            self.odo = odo
            self.batReqtime = batReqtime
            self.batEamount = batEamount
            self.bprecEamount = bprecEamount
            self.precReqtime = precReqtime
            self.precEamount = precEamount
            self.chrgStat = chrgStat
            self.h2Stat = h2Stat
            self.batStat = batStat
        }

        /// Reads a POST body: at most 16 KiB, a JSON object with `seq` (0–255) and `vin`
        /// (11–17 printable ASCII); other known fields are optional integers (null = absent);
        /// unknown fields are ignored.
        /// - Throws: `RequestError`, whose `httpStatus` is the answer.
        public static func decode(_ body: Data) throws(RequestError) -> Request {
            guard body.count <= VDV261.maximumBodySize else { throw .bodyTooLarge(body.count) }
            guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: body) else {
                throw .notAJSONObject
            }
            func integer(_ field: String) throws(RequestError) -> Int? {
                switch object[field] {
                case nil, .null: return nil
                case .integer(let value): return Int(value)
                default: throw .wrongType(field: field, expected: "an integer")
                }
            }
            guard let seq = try integer("seq") else { throw .missingField("seq") }
            guard (0...255).contains(seq) else { throw .outOfRange(field: "seq", detail: "must be 0–255, got \(seq)") }
            guard let vinValue = object["vin"], vinValue != .null else { throw .missingField("vin") }
            guard case .string(let vin) = vinValue else { throw .wrongType(field: "vin", expected: "a string") }
            guard (11...17).contains(vin.count), vin.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
                throw .outOfRange(field: "vin", detail: "must be 11–17 printable ASCII characters")
            }
            var evccid: String?
            switch object["evccid"] {
            case nil, .null: evccid = nil
            case .string(let value): evccid = value
            default: throw .wrongType(field: "evccid", expected: "a string")
            }
            return Request(
                seq: seq,
                vin: vin,
                evccid: evccid,
                odo: try integer("odo"),
                batReqtime: try integer("bat_reqtime"),
                batEamount: try integer("bat_eamount"),
                bprecEamount: try integer("bprec_eamount"),
                precReqtime: try integer("prec_reqtime"),
                precEamount: try integer("prec_eamount"),
                chrgStat: try integer("chrg_stat"),
                h2Stat: try integer("h2_stat"),
                batStat: try integer("bat_stat")
            )
        }
    }
}
