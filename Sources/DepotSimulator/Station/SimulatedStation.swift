public import Foundation
public import OCPP

/// A virtual charging station, pure: no socket, no clock, no logger. Time is an argument of every
/// event; the transport feeds frames in and sends the CALLs ``nextCall(at:)`` hands out, one at
/// a time (docs/ocpp.md §5). Randomness (message ids, 2.0.1 transaction ids) comes from a seeded
/// generator, so a run is reproducible.
public struct SimulatedStation: Sendable {
    /// Where the station is in its registration (docs/ocpp.md §2).
    public enum BootState: Hashable, Sendable {
        case unknown
        case pending(retryAt: Date)
        case rejected(retryAt: Date)
        case accepted
    }

    /// What happened to a plug-in.
    public enum PlugInOutcome: Hashable, Sendable {
        /// The transaction started.
        case started
        /// The connector is reserved for another token.
        case reservedForAnotherToken
        /// Faulted, inoperative or already in use.
        case connectorNotAvailable
    }

    /// How long, in clock seconds, an unanswered CALL holds the slot; under an accelerated clock
    /// the driver scales it so that network latency does not look like a lost answer.
    public var callTimeout: TimeInterval = 30

    /// What the station is.
    public let setup: StationSetup
    /// The registration state the CSMS gave.
    public internal(set) var bootState: BootState = .unknown
    /// Whether the WebSocket is open.
    public internal(set) var isOnline = false
    /// Connectors 1…n at indices 0…n−1.
    public internal(set) var connectors: [SimulatedConnector]
    /// The charging profiles the station holds.
    public internal(set) var profiles = ProfileStack()
    /// The 1.6 keys / 2.0.1 variables.
    public internal(set) var configuration: ConfigurationStore
    /// CALLs waiting for the slot, oldest first.
    public internal(set) var queue: [StationMessage] = []
    /// Seconds between Heartbeats, from BootNotification or configuration.
    public internal(set) var heartbeatInterval: TimeInterval = 300

    var random: SeededGenerator
    var inFlight: (messageId: String, message: StationMessage, sentAt: Date)?
    var nextHeartbeatAt: Date?
    var lastAdvance: Date?
    var nextLocalTransactionId = 1
    /// 1.6 transaction ids the CSMS assigned, by local id.
    var assignedTransactionIds: [Int: Int] = [:]
    /// 2.0.1 transaction ids the station chose, by local id, kept until Ended is answered.
    var chosenTransactionIds: [Int: String] = [:]
    /// Failed attempts of the transaction message at the head of the queue.
    var failedAttempts = 0
    /// While set, the head of the queue waits for its retry.
    var retryNotBefore: Date?

    /// - Parameters:
    ///   - password: the Basic-auth password, kept as `AuthorizationKey`.
    ///   - seed: seeds message ids and transaction ids.
    public init(setup: StationSetup, password: String, seed: UInt64) {
        self.setup = setup
        connectors = Array(repeating: SimulatedConnector(), count: setup.connectorCount)
        configuration = ConfigurationStore(connectors: setup.connectorCount, password: password)
        random = SeededGenerator(seed: seed)
    }

    /// The password to authenticate with, changed by the CSMS through AuthorizationKey /
    /// BasicAuthPassword.
    public var password: String { configuration["AuthorizationKey"] ?? "" }

    /// Whether a CALL is waiting for its answer.
    public var hasCallInFlight: Bool { inFlight != nil }

    /// The total power drawn by all connectors, kW.
    public var powerKW: Double { connectors.reduce(0) { $0 + $1.powerKW } }

    /// The connector with the 1-based id, if it exists.
    public func connector(_ id: Int) -> SimulatedConnector? { connectors.indices.contains(id - 1) ? connectors[id - 1] : nil }

    // MARK: - Connection

    /// The WebSocket is open: boot if not yet accepted, else report the live state after the
    /// queued transaction messages.
    public mutating func connected(at time: Date) {
        isOnline = true
        lastAdvance = lastAdvance ?? time
        switch bootState {
        case .accepted:
            for id in 1...setup.connectorCount { enqueueStatus(id, at: time) }
            nextHeartbeatAt = time.addingTimeInterval(heartbeatInterval)
        case .unknown, .pending, .rejected:
            queue.removeAll { $0 == .bootNotification }
            queue.insert(.bootNotification, at: 0)
        }
    }

    /// The WebSocket closed: an unanswered transaction message goes back to the head of the
    /// queue, everything that is not a transaction message is dropped.
    public mutating func disconnected() {
        isOnline = false
        if let inFlight, inFlight.message.isTransactionMessage { queue.insert(inFlight.message, at: 0) }
        inFlight = nil
        queue.removeAll { !$0.isTransactionMessage }
    }

    /// The next CALL to send, claiming the single slot; nil while a CALL is in flight, offline,
    /// or (before the boot is accepted) when the head is not a BootNotification.
    public mutating func nextCall(at time: Date) -> OCPPFrame? {
        guard isOnline, inFlight == nil, let message = queue.first else { return nil }
        if let until = retryNotBefore, time < until { return nil }
        if bootState != .accepted, message != .bootNotification { return nil }
        queue.removeFirst()
        let messageId = random.uuidText()
        inFlight = (messageId, message, time)
        // Payloads hold only finite numbers, so encoding cannot fail; were it to, the message is dropped.
        guard let encoded = encode(message, at: time) else {
            inFlight = nil
            return nil
        }
        return .call(messageId: messageId, action: encoded.action, payload: encoded.payload)
    }

    /// Handles one frame from the CSMS and returns the reply to a CALL.
    public mutating func receive(_ frame: OCPPFrame, at time: Date) -> OCPPFrame? {
        switch frame {
        case .call(let messageId, let action, let payload):
            return answer(messageId: messageId, action: action, payload: payload, at: time)
        case .callResult(let messageId, let payload):
            guard let sent = inFlight, sent.messageId == messageId else { return nil }
            inFlight = nil
            failedAttempts = 0
            retryNotBefore = nil
            apply(result: payload, to: sent.message, at: time)
            return nil
        case .callError(let messageId, _, _, _):
            guard let sent = inFlight, sent.messageId == messageId else { return nil }
            inFlight = nil
            if sent.message.isTransactionMessage { retryAfterError(sent.message, at: time) }
            return nil
        }
    }

    /// A transaction message answered with a CALLERROR is sent again after
    /// `TransactionMessageRetryInterval` × attempts, at most `TransactionMessageAttempts` times in
    /// all (OCPP 1.6 §4.10, 2.0.1 E13), then dropped.
    mutating func retryAfterError(_ message: StationMessage, at time: Date) {
        failedAttempts += 1
        guard failedAttempts < configuration.integer("TransactionMessageAttempts", fallback: 3) else {
            failedAttempts = 0
            retryNotBefore = nil
            return
        }
        queue.insert(message, at: 0)
        let interval = configuration.integer("TransactionMessageRetryInterval", fallback: 60)
        retryNotBefore = time.addingTimeInterval(TimeInterval(interval * failedAttempts))
    }

    // MARK: - Time

    /// Moves the station to `time`: charges the vehicles under the profiles in force, takes meter
    /// samples, expires reservations, frees a timed-out slot, retries a boot, queues heartbeats.
    public mutating func advance(to time: Date) {
        let start = lastAdvance ?? time
        lastAdvance = max(start, time)
        if time > start { charge(from: start, to: time) }
        if let sent = inFlight, time.timeIntervalSince(sent.sentAt) >= callTimeout {
            // Transaction messages and an unanswered boot are sent again, as a charger does; a
            // boot lost this way would otherwise leave the station unbooted until it reconnects.
            if sent.message.isTransactionMessage || sent.message == .bootNotification { queue.insert(sent.message, at: 0) }
            inFlight = nil
        }
        switch bootState {
        case .pending(let retryAt), .rejected(let retryAt):
            if isOnline, time >= retryAt, !queue.contains(.bootNotification) { queue.insert(.bootNotification, at: 0) }
        case .unknown, .accepted: break
        }
        if isOnline, bootState == .accepted, let due = nextHeartbeatAt, time >= due {
            if !queue.contains(.heartbeat) { queue.append(.heartbeat) }
            nextHeartbeatAt = time.addingTimeInterval(heartbeatInterval)
        }
        let sampleInterval = configuration.integer("MeterValueSampleInterval", fallback: 60)
        for index in connectors.indices {
            if let reservation = connectors[index].reservation, time >= reservation.expiry {
                connectors[index].reservation = nil
                if connectors[index].status == .reserved { setStatus(index + 1, .available, at: time) }
            }
            if sampleInterval > 0, let transaction = connectors[index].transaction,
                time.timeIntervalSince(transaction.lastSampleAt) >= Double(sampleInterval)
            {
                connectors[index].transaction?.lastSampleAt = time
                enqueueSample(index + 1, at: time, triggered: false)
            }
        }
    }

    // MARK: - Vehicles and faults

    /// A vehicle plugs in and identifies with `idToken`: the connector prepares and the
    /// transaction starts (Authorize is not used).
    @discardableResult
    public mutating func plugIn(connector id: Int, vehicle: PluggedVehicle, at time: Date) -> PlugInOutcome {
        guard let connector = self.connector(id), connector.vehicle == nil, connector.operative,
            connector.status == .available || connector.status == .reserved
        else { return .connectorNotAvailable }
        if let reservation = connector.reservation, reservation.idToken != vehicle.idToken { return .reservedForAnotherToken }
        let index = id - 1
        connectors[index].vehicle = vehicle
        setStatus(id, .preparing, at: time)
        let token = connectors[index].remoteStartToken ?? vehicle.idToken
        startTransaction(id, idToken: token, at: time)
        return .started
    }

    /// The plugged-in vehicle presenting `idToken` starts or stops drawing power besides its
    /// battery (pre-conditioning); another vehicle on the connector is left alone.
    public mutating func setAuxiliaryLoad(connector id: Int, idToken: String, kw: Double, at time: Date) {
        guard connector(id)?.vehicle?.idToken == idToken else { return }
        advance(to: time)
        connectors[id - 1].vehicle?.auxiliaryLoadKW = max(0, kw)
    }

    /// The driver or an operator at the station ends the session (Local, EmergencyStop): the
    /// vehicle stays plugged in.
    public mutating func stop(connector id: Int, emergency: Bool = false, at time: Date) {
        guard connector(id)?.transaction != nil else { return }
        endTransaction(id, reason: emergency ? .emergencyStop : .local, at: time)
    }

    /// The vehicle leaves: a running transaction ends with EVDisconnected.
    public mutating func unplug(connector id: Int, at time: Date) {
        guard let connector = self.connector(id), connector.vehicle != nil else { return }
        if connector.transaction != nil { endTransaction(id, reason: .evDisconnected, at: time) }
        connectors[id - 1].vehicle = nil
        connectors[id - 1].powerKW = 0
        if connectors[id - 1].status != .faulted { setStatus(id, connectors[id - 1].operative ? .available : .unavailable, at: time) }
    }

    /// A connector fault: status Faulted with the 1.6 error code; a session stays open but draws
    /// nothing until ``clearFault(connector:at:)``.
    public mutating func fault(connector id: Int, errorCode: String, at time: Date) {
        guard connector(id) != nil else { return }
        connectors[id - 1].errorCode = errorCode
        connectors[id - 1].powerKW = 0
        setStatus(id, .faulted, at: time)
    }

    /// The fault is gone: the connector resumes where it was.
    public mutating func clearFault(connector id: Int, at time: Date) {
        guard let connector = self.connector(id), connector.status == .faulted else { return }
        connectors[id - 1].errorCode = nil
        let status: ConnectorStatus =
            connector.transaction != nil ? .charging : connector.vehicle != nil ? .finishing : connector.operative ? .available : .unavailable
        setStatus(id, status, at: time)
    }

    // MARK: - Internals shared by both versions

    /// Charges every session in one-second steps, so profile period boundaries and the battery
    /// taper are followed.
    mutating func charge(from start: Date, to end: Date) {
        var time = start
        while time < end {
            let step = min(1, end.timeIntervalSince(time))
            var stationHeadroom = profiles.stationLimitKW(at: time) ?? .infinity
            for index in connectors.indices {
                guard var vehicle = connectors[index].vehicle, let transaction = connectors[index].transaction,
                    connectors[index].status != .faulted
                else {
                    connectors[index].powerKW = 0
                    continue
                }
                let profileLimit =
                    profiles.limitKW(
                        connectorId: index + 1, transactionId: transaction.transactionId, transactionStart: transaction.startedAt, at: time
                    ) ?? .infinity
                let limit = max(0, min(profileLimit, setup.connectorMaxKW, stationHeadroom))
                let auxiliary = min(vehicle.auxiliaryLoadKW, limit)
                let accepted = vehicle.battery.acceptedPowerKW + auxiliary
                let energy = vehicle.battery.charge(limitKW: limit - auxiliary, seconds: step) + auxiliary * step / 3600
                let power = step > 0 ? energy * 3600 / step : 0
                stationHeadroom -= power
                connectors[index].vehicle = vehicle
                connectors[index].registerWh += energy * 1000
                connectors[index].powerKW = power
                let status: ConnectorStatus = accepted <= 0 ? .suspendedEV : limit <= 0 ? .suspendedEVSE : .charging
                if status != connectors[index].status { setStatus(index + 1, status, at: time.addingTimeInterval(step)) }
            }
            time = time.addingTimeInterval(step)
        }
    }

    /// Starts a transaction on a connector whose vehicle is plugged in.
    mutating func startTransaction(_ id: Int, idToken: String, at time: Date) {
        let index = id - 1
        let localId = nextLocalTransactionId
        nextLocalTransactionId += 1
        let reservationId = connectors[index].reservation?.id
        let remoteStartId = connectors[index].remoteStartId
        connectors[index].reservation = nil
        connectors[index].remoteStartToken = nil
        connectors[index].remoteStartId = nil
        let transactionId = setup.version == .v201 ? random.uuidText() : nil
        chosenTransactionIds[localId] = transactionId
        connectors[index].transaction = SimulatedTransaction(
            localId: localId, transactionId: transactionId, idToken: idToken, startedAt: time, meterStartWh: connectors[index].registerWh,
            lastSampleAt: time, remoteStartId: remoteStartId
        )
        let seqNo = takeSeqNo(index)
        enqueue(
            .transactionStarted(
                connectorId: id, localId: localId, seqNo: seqNo, meter: snapshot(index, at: time), idToken: idToken,
                reservationId: reservationId, remoteStartId: remoteStartId, offline: !isOnline
            )
        )
        setStatus(id, .charging, at: time)
    }

    /// Ends the transaction on a connector; the vehicle stays plugged in (Finishing).
    mutating func endTransaction(_ id: Int, reason: StopReason, at time: Date) {
        let index = id - 1
        guard let transaction = connectors[index].transaction else { return }
        let seqNo = takeSeqNo(index)
        enqueue(
            .transactionEnded(
                connectorId: id, localId: transaction.localId, seqNo: seqNo, meter: snapshot(index, at: time), idToken: transaction.idToken,
                reason: reason, offline: !isOnline
            )
        )
        connectors[index].transaction = nil
        connectors[index].powerKW = 0
        if let transactionId = transaction.transactionId { profiles.removeProfiles(ofTransaction: transactionId) }
        if connectors[index].status != .faulted { setStatus(id, .finishing, at: time) }
    }

    /// Queues a meter sample of a running transaction.
    mutating func enqueueSample(_ id: Int, at time: Date, triggered: Bool) {
        let index = id - 1
        guard let transaction = connectors[index].transaction else { return }
        let seqNo = takeSeqNo(index)
        enqueue(
            .meterValues(
                connectorId: id, localId: transaction.localId, seqNo: seqNo, meter: snapshot(index, at: time), triggered: triggered,
                offline: !isOnline
            )
        )
    }

    /// Changes a connector's status and reports it: a StatusNotification when 1.6 or when the
    /// 2.0.1 connector status changes, a 2.0.1 TransactionEvent when the charging state changes.
    mutating func setStatus(_ id: Int, _ status: ConnectorStatus, at time: Date) {
        let index = id - 1
        let old = connectors[index].status
        guard old != status else { return }
        connectors[index].status = status
        if setup.version == .v16 || Self.connectorStatus201(old) != Self.connectorStatus201(status) { enqueueStatus(id, at: time) }
        if setup.version == .v201, let transaction = connectors[index].transaction,
            Self.chargingState201(old) != Self.chargingState201(status), old != .preparing
        {
            let seqNo = takeSeqNo(index)
            enqueue(
                .chargingStateChanged(
                    connectorId: id, localId: transaction.localId, seqNo: seqNo, meter: snapshot(index, at: time), status: status,
                    offline: !isOnline
                )
            )
        }
    }

    /// Queues a StatusNotification, never while offline or before the boot is accepted.
    mutating func enqueueStatus(_ id: Int, at time: Date) {
        guard isOnline, bootState == .accepted else { return }
        let connector = connectors[id - 1]
        enqueue(.statusNotification(connectorId: id, status: connector.status, errorCode: connector.errorCode, at: time))
    }

    /// Queues a message behind the others.
    mutating func enqueue(_ message: StationMessage) {
        queue.append(message)
    }

    /// The next 2.0.1 sequence number of the connector's transaction.
    mutating func takeSeqNo(_ index: Int) -> Int {
        guard let seqNo = connectors[index].transaction?.nextSeqNo else { return 0 }
        connectors[index].transaction?.nextSeqNo = seqNo + 1
        return seqNo
    }

    /// The connector's meter now.
    func snapshot(_ index: Int, at time: Date) -> MeterSnapshot {
        let connector = connectors[index]
        let powerW = connector.powerKW * 1000
        return MeterSnapshot(
            timestamp: time, energyWh: connector.registerWh.rounded(.down), powerW: powerW.rounded(),
            stateOfCharge: connector.vehicle.map { ($0.battery.stateOfCharge * 10).rounded(.down) / 10 },
            currentA: (powerW / (profiles.phaseVoltage * 3) * 10).rounded(.down) / 10
        )
    }

    /// The boot answer: Accepted opens the gate and reports every connector; Pending and
    /// Rejected retry after `interval`.
    mutating func applyBoot(accepted: Bool, pending: Bool, interval: Int, at time: Date) {
        let wait = TimeInterval(max(interval, 1))
        if accepted {
            bootState = .accepted
            if interval > 0 { heartbeatInterval = TimeInterval(interval) }
            nextHeartbeatAt = time.addingTimeInterval(heartbeatInterval)
            for id in 1...setup.connectorCount { enqueueStatus(id, at: time) }
        } else {
            bootState = pending ? .pending(retryAt: time.addingTimeInterval(wait)) : .rejected(retryAt: time.addingTimeInterval(wait))
        }
    }

    /// Reboots after a Reset: transactions end, the station boots again on the open connection.
    mutating func reboot(at time: Date) {
        for id in 1...setup.connectorCount where connectors[id - 1].transaction != nil { endTransaction(id, reason: .reset, at: time) }
        bootState = .unknown
        queue.removeAll { !$0.isTransactionMessage }
        queue.insert(.bootNotification, at: 0)
    }

    /// ChangeAvailability for one connector (0: all); inoperative waits for a running transaction.
    mutating func changeAvailability(connector id: Int, operative: Bool, at time: Date) -> (accepted: Bool, scheduled: Bool) {
        let ids = id == 0 ? Array(1...setup.connectorCount) : [id]
        guard ids.allSatisfy({ connector($0) != nil }) else { return (false, false) }
        var scheduled = false
        for id in ids {
            connectors[id - 1].operative = operative
            if connectors[id - 1].transaction != nil || connectors[id - 1].vehicle != nil {
                scheduled = true
            } else if connectors[id - 1].status != .faulted {
                setStatus(id, operative ? .available : .unavailable, at: time)
            }
        }
        return (true, scheduled)
    }

    /// ReserveNow: the connector must be free; afterwards only `idToken` may start on it.
    mutating func reserve(connector id: Int, reservation: SimulatedReservation, at time: Date) -> ConnectorStatus? {
        guard let connector = self.connector(id) else { return .unavailable }
        if connector.status == .faulted { return .faulted }
        if !connector.operative { return .unavailable }
        if connector.vehicle != nil || connector.transaction != nil { return .charging }
        if let existing = connector.reservation, existing.id != reservation.id { return .reserved }
        connectors[id - 1].reservation = reservation
        setStatus(id, .reserved, at: time)
        return nil
    }

    /// CancelReservation: frees the connector holding reservation `id`.
    mutating func cancelReservation(id: Int, at time: Date) -> Bool {
        guard let index = connectors.firstIndex(where: { $0.reservation?.id == id }) else { return false }
        connectors[index].reservation = nil
        if connectors[index].status == .reserved { setStatus(index + 1, .available, at: time) }
        return true
    }

    /// RemoteStart: starts at once when a vehicle waits, else remembers the token for the plug-in.
    mutating func remoteStart(connector id: Int, idToken: String, remoteStartId: Int?, at time: Date) -> Bool {
        guard let connector = self.connector(id), connector.operative, connector.transaction == nil, connector.status != .faulted else {
            return false
        }
        if let reservation = connector.reservation, reservation.idToken != idToken { return false }
        if connector.vehicle != nil {
            connectors[id - 1].remoteStartId = remoteStartId
            startTransaction(id, idToken: idToken, at: time)
        } else {
            connectors[id - 1].remoteStartToken = idToken
            connectors[id - 1].remoteStartId = remoteStartId
        }
        return true
    }

    /// The connector running the transaction with the given id.
    func connectorId(ofTransaction transactionId: String) -> Int? {
        connectors.firstIndex { $0.transaction?.transactionId == transactionId }.map { $0 + 1 }
    }

    /// The composite schedule of a connector in kW steps.
    func composite(connector id: Int, seconds: Int, at time: Date) -> [(offset: Int, kilowatts: Double)] {
        let transaction = id == 0 ? nil : connectors[id - 1].transaction
        let cap = setup.connectorMaxKW * Double(id == 0 ? setup.connectorCount : 1)
        return profiles.compositeSchedule(
            connectorId: id, transactionId: transaction?.transactionId, transactionStart: transaction?.startedAt, from: time, seconds: seconds,
            unconstrainedKW: cap
        )
    }

    /// Checks a profile against the station's limits and installs it.
    mutating func install(_ profile: SimulatedProfile) -> Bool {
        guard profile.stackLevel <= configuration.integer("ChargeProfileMaxStackLevel", fallback: 0),
            profile.periods.count <= configuration.integer("ChargingScheduleMaxPeriods", fallback: 24), !profile.periods.isEmpty,
            profile.connectorId >= 0, profile.connectorId <= setup.connectorCount
        else { return false }
        switch profile.purpose {
        case .stationMax: guard profile.connectorId == 0 else { return false }
        case .txDefault: break
        case .tx:
            guard profile.connectorId > 0, let transaction = connectors[profile.connectorId - 1].transaction else { return false }
            if let id = profile.transactionId, id != transaction.transactionId { return false }
            var bound = profile
            bound.transactionId = transaction.transactionId
            profiles.install(bound)
            return true
        }
        profiles.install(profile)
        return true
    }

    /// Removes profiles by id or criteria.
    mutating func clearProfiles(id: Int?, connectorId: Int?, purpose: SimulatedProfile.Purpose?, stackLevel: Int?) -> Bool {
        profiles.clear(id: id, connectorId: connectorId, purpose: purpose, stackLevel: stackLevel)
    }

    /// The 2.0.1 connector status a 1.6 status folds into.
    static func connectorStatus201(_ status: ConnectorStatus) -> String {
        switch status {
        case .available: "Available"
        case .preparing, .charging, .suspendedEV, .suspendedEVSE, .finishing: "Occupied"
        case .reserved: "Reserved"
        case .unavailable: "Unavailable"
        case .faulted: "Faulted"
        }
    }

    /// The 2.0.1 charging state a 1.6 status corresponds to.
    static func chargingState201(_ status: ConnectorStatus) -> String {
        switch status {
        case .charging: "Charging"
        case .suspendedEV: "SuspendedEV"
        case .suspendedEVSE, .faulted: "SuspendedEVSE"
        case .preparing, .finishing: "EVConnected"
        case .available, .reserved, .unavailable: "Idle"
        }
    }
}
