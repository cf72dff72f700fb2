/// Who names a new transaction: Busbar for OCPP 1.6 (random positive 31-bit ids, no guessable
/// sequence), the station for 2.0.1.
public enum TransactionKeySource: Sendable {
    case assignedByBusbar(@Sendable () -> String)
    case chosenByStation(String)
}
