# Benchmark: n-body simulation of the Jovian planets (float arithmetic, attribute-free lists)
# Adapted from the Computer Language Benchmarks Game.
STEPS = 40000

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

BODIES = [
    # sun
    ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS),
    # jupiter
    ([4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
     [1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
      -6.90460016972063023e-05 * DAYS_PER_YEAR],
     9.54791938424326609e-04 * SOLAR_MASS),
    # saturn
    ([8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
     [-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
      2.30417297573763929e-05 * DAYS_PER_YEAR],
     2.85885980666130812e-04 * SOLAR_MASS),
    # uranus
    ([1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
     [2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
      -2.96589568540237556e-05 * DAYS_PER_YEAR],
     4.36624404335156298e-05 * SOLAR_MASS),
    # neptune
    ([1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
     [2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
      -9.51592254519715870e-05 * DAYS_PER_YEAR],
     5.15138902046611451e-05 * SOLAR_MASS),
]


def combinations(seq):
    result = []
    for i in range(len(seq) - 1):
        for j in range(i + 1, len(seq)):
            result.append((seq[i], seq[j]))
    return result


PAIRS = combinations(BODIES)


def advance(dt, n, bodies=BODIES, pairs=PAIRS):
    for _ in range(n):
        for ((r1, v1, m1), (r2, v2, m2)) in pairs:
            x1, y1, z1 = r1
            x2, y2, z2 = r2
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1m = m1 * mag
            b2m = m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for (r, v, m) in bodies:
            r[0] += dt * v[0]
            r[1] += dt * v[1]
            r[2] += dt * v[2]


def energy(bodies=BODIES, pairs=PAIRS):
    e = 0.0
    for ((r1, v1, m1), (r2, v2, m2)) in pairs:
        dx = r1[0] - r2[0]
        dy = r1[1] - r2[1]
        dz = r1[2] - r2[2]
        e -= (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for (r, v, m) in bodies:
        e += m * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) / 2.0
    return e


def offset_momentum(ref, bodies=BODIES):
    px = py = pz = 0.0
    for (r, v, m) in bodies:
        px -= v[0] * m
        py -= v[1] * m
        pz -= v[2] * m
    (r, v, m) = ref
    v[0] = px / m
    v[1] = py / m
    v[2] = pz / m


offset_momentum(BODIES[0])
e0 = energy()
advance(0.01, STEPS)
e1 = energy()
print("%.9f %.9f" % (e0, e1))
