extension Double {
    /// The value rounded half away from zero to `places` decimals, as reports show it (never `-0.0`).
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale + 0
    }
}
