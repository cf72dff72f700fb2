import Foundation

/// What the virtual buses did over VDV 261, shared by all of them: the exchanges, the answers, the
/// failures and every pre-conditioning episode.
public actor BusLog {
    /// Successful POSTs (200 with a readable answer).
    public private(set) var exchanges = 0
    /// POSTs that failed, with the reason.
    public private(set) var failures: [String] = []
    /// The last answer per VIN.
    public private(set) var lastDirective: [String: BusDirective] = [:]
    /// The VINs that ever got `prec_dsrd` 1.
    public private(set) var preconditioningDesired: Set<String> = []
    /// Pre-conditioning episodes in the order they started.
    public private(set) var episodes: [PreconditioningEpisode] = []

    /// An empty log.
    public init() {}

    func record(_ directive: BusDirective) {
        exchanges += 1
        lastDirective[directive.vin] = directive
        if directive.precDsrd == 1 { preconditioningDesired.insert(directive.vin) }
    }

    func recordFailure(_ reason: String) { failures.append(reason) }

    func started(_ episode: PreconditioningEpisode) { episodes.append(episode) }

    func stopped(vin: String, at time: Date) {
        guard let index = episodes.lastIndex(where: { $0.vin == vin && $0.stop == nil }) else { return }
        episodes[index].stop = time
    }
}
