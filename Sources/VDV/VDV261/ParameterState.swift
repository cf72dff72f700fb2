extension VDV261 {
    /// Everything a vehicle has reported during one plug-in (docs/vdv.md B3). Every request is merged
    /// field by field; nothing is cleared on `seq` 0, because a wrapped counter and a new complete
    /// set look the same. The state starts afresh only at a new plug-in (new V2G session).
    public struct ParameterState: Equatable, Sendable {
        /// How a request's `seq` relates to the previous one.
        public enum SequenceStep: Equatable, Sendable {
            /// The first request of this plug-in.
            case first
            /// The expected successor (255 is followed by 0).
            case next
            /// The same `seq` again: a retry after a lost response; merging it again changes nothing new.
            case repeated
            /// Any other `seq`: requests were lost; merged all the same.
            case unexpected(expected: Int)
        }

        /// What merging one request found, for the log.
        public struct MergeOutcome: Equatable, Sendable {
            /// How its `seq` followed the previous one.
            public var step: SequenceStep
            /// V2 fields a delta must carry but did not (`h2_stat`, `bat_stat`): logged, not refused.
            public var missingV2Fields: [String]
        }

        /// The plug-in (V2G session) this state belongs to, e.g. the OCPP transaction id.
        public private(set) var plugIn: String?
        /// The last `seq` merged.
        public private(set) var lastSeq: Int?
        /// The latest raw value of every field reported during this plug-in (`seq` and `vin` are
        /// those of the last request); configured SNA values never overwrite a value.
        public private(set) var parameters: Request?

        /// An empty state, before the first request.
        public init() {}

        /// Merges a request received during `plugIn`; a different plug-in than before discards the old state first.
        public mutating func merge(_ request: Request, plugIn: String, version: Version, settings: Settings) -> MergeOutcome {
            if plugIn != self.plugIn {
                self = ParameterState()
                self.plugIn = plugIn
            }
            let step: SequenceStep
            switch lastSeq {
            case nil: step = .first
            case request.seq?: step = .repeated
            case let last? where (last + 1) % 256 == request.seq: step = .next
            case let last?: step = .unexpected(expected: (last + 1) % 256)
            }
            lastSeq = request.seq
            parameters = Self.merged(parameters, with: request, settings: settings)
            var missing: [String] = []
            if version == .v2, request.seq > 0 {
                if request.h2Stat == nil { missing.append("h2_stat") }
                if request.batStat == nil { missing.append("bat_stat") }
            }
            return MergeOutcome(step: step, missingV2Fields: missing)
        }

        private static func merged(_ old: Request?, with new: Request, settings: Settings) -> Request {
            func pick(_ field: Field, _ value: KeyPath<Request, Int?>) -> Int? {
                guard let reported = new[keyPath: value], reported != settings.notAvailableValues[field] else {
                    return old?[keyPath: value]
                }
                return reported
            }
            return Request(
                seq: new.seq,
                vin: new.vin,
                evccid: new.evccid ?? old?.evccid,
                odo: pick(.odo, \.odo),
                batReqtime: pick(.batReqtime, \.batReqtime),
                batEamount: pick(.batEamount, \.batEamount),
                bprecEamount: pick(.bprecEamount, \.bprecEamount),
                precReqtime: pick(.precReqtime, \.precReqtime),
                precEamount: pick(.precEamount, \.precEamount),
                chrgStat: pick(.chrgStat, \.chrgStat),
                h2Stat: pick(.h2Stat, \.h2Stat),
                batStat: pick(.batStat, \.batStat)
            )
        }
    }
}
