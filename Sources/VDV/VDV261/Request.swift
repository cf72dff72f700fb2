public import Foundation

extension VDV261 {
    /// One POST from a vehicle (docs/vdv.md B4). Units are the assumed ones (km, minutes, Wh); status
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
            do {
                return try JSONDecoder().decode(Body.self, from: body).request
            } catch let error as RequestError {
                throw error
            } catch {
                // Every other error is thrown by the JSON parser before the body is looked at.
                throw .notAJSONObject
            }
        }

        /// The body read field by field, so each problem names its field.
        private struct Body: Decodable {
            let request: Request

            init(from decoder: any Decoder) throws {
                guard let container = try? decoder.container(keyedBy: Field.self) else { throw RequestError.notAJSONObject }
                func value<Value: Decodable>(_: Value.Type, _ field: Field, _ expected: String) throws(RequestError) -> Value? {
                    do {
                        return try container.decodeIfPresent(Value.self, forKey: field)
                    } catch {
                        throw .wrongType(field: field.rawValue, expected: expected)
                    }
                }
                func integer(_ field: Field) throws(RequestError) -> Int? {
                    try value(Int.self, field, "an integer")
                }
                guard let seq = try integer(.seq) else { throw RequestError.missingField("seq") }
                guard (0...255).contains(seq) else { throw RequestError.outOfRange(field: "seq", detail: "must be 0–255, got \(seq)") }
                guard let vin = try value(String.self, .vin, "a string") else { throw RequestError.missingField("vin") }
                guard (11...17).contains(vin.count), vin.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
                    throw RequestError.outOfRange(field: "vin", detail: "must be 11–17 printable ASCII characters")
                }
                request = Request(
                    seq: seq,
                    vin: vin,
                    evccid: try value(String.self, .evccid, "a string"),
                    odo: try integer(.odo),
                    batReqtime: try integer(.batReqtime),
                    batEamount: try integer(.batEamount),
                    bprecEamount: try integer(.bprecEamount),
                    precReqtime: try integer(.precReqtime),
                    precEamount: try integer(.precEamount),
                    chrgStat: try integer(.chrgStat),
                    h2Stat: try integer(.h2Stat),
                    batStat: try integer(.batStat)
                )
            }
        }
    }
}
