import Foundation

/// The newest power samples of one depot in a fixed-size ring: the chart needs the night, not
/// the year, and memory must not grow with uptime.
struct PowerHistory: Sendable {
    /// How many samples are kept at most.
    let capacity: Int
    private var storage: [PowerSample] = []
    /// Where the oldest sample sits once the ring is full.
    private var oldest = 0

    init(capacity: Int) {
        precondition(capacity > 0, "a power history keeps at least one sample")
        self.capacity = capacity
        storage.reserveCapacity(capacity)
    }

    /// Adds a sample, dropping the oldest one when the ring is full.
    mutating func append(_ sample: PowerSample) {
        if storage.count < capacity {
            storage.append(sample)
        } else {
            storage[oldest] = sample
            oldest = (oldest + 1) % capacity
        }
    }

    /// Every kept sample, oldest first.
    var samples: [PowerSample] {
        Array(storage[oldest...] + storage[..<oldest])
    }

    /// The oldest kept sample: where the chart's window starts.
    var first: PowerSample? {
        storage.isEmpty ? nil : storage[oldest]
    }

    /// The kept samples taken after `instant`, oldest first: what a live stream has not sent yet.
    func samples(after instant: Date) -> [PowerSample] {
        samples.filter { $0.at > instant }
    }
}
