# bisect: bisect_left/right, insort, key functions, grading and range queries
import bisect
a = [1, 2, 4, 4, 4, 7, 9]
for x in [0, 1, 3, 4, 5, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect_left(a, 4, lo=5))
b = []
for v in [5, 1, 4, 1, 3, 9, 2]:
    bisect.insort(b, v)
print(b)
bisect.insort_left(b, 4)
bisect.insort_right(b, 4)
print(b)
def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60, 59]])
def count_in_range(sorted_list, lo, hi):
    return bisect.bisect_right(sorted_list, hi) - bisect.bisect_left(sorted_list, lo)
nums = sorted([15, 3, 8, 22, 8, 1, 30, 8, 12])
print(nums, count_in_range(nums, 8, 15), count_in_range(nums, 100, 200), count_in_range(nums, 0, 100))
def index_of(sorted_list, x):
    i = bisect.bisect_left(sorted_list, x)
    return i if i < len(sorted_list) and sorted_list[i] == x else -1
print(index_of(nums, 12), index_of(nums, 13), index_of(nums, 1), index_of(nums, 30))
records = [(1, "a"), (3, "c"), (5, "e")]
print(bisect.bisect_left(records, (3, "")), bisect.bisect_right(records, (3, "z")))
people = [("ann", 25), ("bob", 30), ("cy", 35)]
print(bisect.bisect_left(people, 30, key=lambda p: p[1]), bisect.bisect_right(people, 30, key=lambda p: p[1]))
bisect.insort(people, ("dee", 28), key=lambda p: p[1])
print(people)
desc = [9, 7, 5, 3]
neg = [-x for x in desc]
print(bisect.bisect_left(neg, -6))
def sqrt_int(n):
    lo, hi = 0, n + 1
    while lo < hi:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1
print([sqrt_int(n) for n in [0, 1, 15, 16, 17, 10 ** 12]])
lis_tails = []
for x in [10, 9, 2, 5, 3, 7, 101, 18, 4, 19]:
    i = bisect.bisect_left(lis_tails, x)
    if i == len(lis_tails):
        lis_tails.append(x)
    else:
        lis_tails[i] = x
print("LIS length:", len(lis_tails), lis_tails)
strs = ["apple", "banana", "cherry"]
print(bisect.bisect(strs, "blueberry"), bisect.bisect_left(strs, "apple"), bisect.bisect_left([], 5))
