extension Duration {
    /// The duration in (fractional) hours, for kW × h = kWh.
    public var hours: Double {
        let (seconds, attoseconds) = components
        return (Double(seconds) + Double(attoseconds) / 1e18) / 3600
    }

    /// The duration in (fractional) seconds.
    public var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A duration of whole minutes, as config keys ending in `_minutes` give them.
    public static func minutes(_ minutes: Int) -> Duration { .seconds(minutes * 60) }
}
