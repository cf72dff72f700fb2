import Foundation

/// Durations of repeated runs of one operation, in microseconds, with the percentiles the
/// benchmark reports.
struct Sample {
    let name: String
    private(set) var microseconds: [Double] = []

    init(name: String) { self.name = name }

    mutating func add(_ duration: Duration) {
        microseconds.append(Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12)
    }

    func percentile(_ fraction: Double) -> Double {
        let sorted = microseconds.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }

    var median: Double { percentile(0.5) }

    /// `name  n  p50  p99` in µs.
    var line: String {
        "\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) n=\(microseconds.count)  p50=\(format(median)) µs  p99=\(format(percentile(0.99))) µs"
    }

    private func format(_ value: Double) -> String { String((value * 10).rounded() / 10) }
}
