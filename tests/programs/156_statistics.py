# statistics: mean, median, mode, stdev, variance, quantiles
import statistics as st
from fractions import Fraction
from decimal import Decimal
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.multimode(data))
print(st.pstdev(data), st.pvariance(data), round(st.stdev(data), 10), round(st.variance(data), 10))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mean([1, 2, 3, 4]), type(st.mean([1, 2, 3, 4])).__name__, st.mean([1.5, 2.5]), st.fmean([1, 2, 3, 4]))
print(st.mean([Fraction(1, 2), Fraction(1, 3)]), st.mean([Decimal("0.1"), Decimal("0.2")]))
print(st.mode(["a", "b", "b", "c"]), st.multimode("aabbbccccdd"), st.multimode([1, 1, 2, 2]))
print(round(st.geometric_mean([1, 10, 100]), 6), round(st.harmonic_mean([40, 60]), 6))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4), st.quantiles(range(1, 101), n=10))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
for bad in ([], ):
    try:
        st.mean(bad)
    except st.StatisticsError as e:
        print("StatisticsError:", e)
try:
    st.stdev([1])
except st.StatisticsError as e:
    print("StatisticsError:", e)
scores = [88, 92, 79, 93, 85, 95, 70, 84]
mu = st.mean(scores)
sd = st.stdev(scores)
print(mu, round(sd, 6), [round((s - mu) / sd, 3) for s in scores])
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(round(st.correlation(x, y), 6), st.covariance(x, y), st.linear_regression(x, y))
nd = st.NormalDist(100, 15)
print(nd.mean, nd.stdev, round(nd.cdf(115), 6), round(nd.inv_cdf(0.975), 4), round(nd.pdf(100), 6))
print(round(st.NormalDist(0, 1).cdf(1.96), 6), st.NormalDist.from_samples([1, 2, 3, 4, 5]))
temps = [21.5, 22.0, 19.8, 23.1, 20.4, 22.7, 21.9]
print(round(st.mean(temps), 4), st.median(temps), round(st.pstdev(temps), 6), max(temps) - min(temps))
print(st.mean(range(1, 101)), st.median(range(1, 100)), st.variance(range(10)), st.pvariance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
