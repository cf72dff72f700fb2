/// Decides when a changed set of files has settled (policy-api.md "Hot reload": debounced), as a
/// pure state machine fed with fingerprints and instants: an editor's save, a `git pull` touching
/// many files, a formatter running after the save — one reload, once nothing moved for `quiet`.
struct ChangeDebounce<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    let quiet: Duration
    /// The state last reloaded (or found at start).
    private var settled: FileFingerprint
    /// A different state seen, and since when it has not changed.
    private var pending: (fingerprint: FileFingerprint, since: Instant)?

    init(quiet: Duration, settled: FileFingerprint) {
        self.quiet = quiet
        self.settled = settled
    }

    /// Feeds one observation; true when the change has been quiet long enough to reload now.
    mutating func observe(_ fingerprint: FileFingerprint, at now: Instant) -> Bool {
        guard fingerprint != settled else {
            pending = nil
            return false
        }
        guard let pending, pending.fingerprint == fingerprint else {
            self.pending = (fingerprint, now)
            return false
        }
        guard pending.since.duration(to: now) >= quiet else { return false }
        settled = fingerprint
        self.pending = nil
        return true
    }

    /// The last fingerprint seen, to take the next one against (only changed files are read).
    var latest: FileFingerprint { pending?.fingerprint ?? settled }
}
