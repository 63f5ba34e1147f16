# heapq: heappush/heappop/heapify/nlargest/nsmallest/merge/heapreplace/heappushpop
import heapq
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
    print("push", v, "->", h)
out = []
while h:
    out.append(heapq.heappop(h))
print("popped in order:", out)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print("heapified:", data, "min:", data[0])
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 100), data)
print(heapq.heapreplace(data, 50), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(3, [5, 1, 8, 3, 9, 2]))
words = ["kiwi", "banana", "fig", "cherry", "apple", "date"]
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(2, words, key=len), heapq.nsmallest(10, [3, 1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print(list(heapq.merge(["apple", "fig"], ["banana", "kiwi"], key=len)), list(heapq.merge([5, 3], [4, 1], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, "write code"))
heapq.heappush(tasks, (1, "write spec"))
heapq.heappush(tasks, (3, "test"))
heapq.heappush(tasks, (1, "another p1"))
while tasks:
    pri, name = heapq.heappop(tasks)
    print(pri, name)
class Job:
    def __init__(self, pri, name):
        self.pri, self.name = pri, name
    def __lt__(self, other):
        return self.pri < other.pri
jobs = [Job(3, "c"), Job(1, "a"), Job(2, "b")]
heapq.heapify(jobs)
print([heapq.heappop(jobs).name for _ in range(3)])
counter = 0
pq = []
for pri, name in [(1, "x"), (1, "y"), (0, "z"), (1, "w")]:
    heapq.heappush(pq, (pri, counter, name))
    counter += 1
print([heapq.heappop(pq)[2] for _ in range(len(pq))])
maxheap = []
for v in [3, 1, 4, 1, 5, 9, 2, 6]:
    heapq.heappush(maxheap, -v)
print([-heapq.heappop(maxheap) for _ in range(4)])
def kth_largest(nums, k):
    h = nums[:k]
    heapq.heapify(h)
    for x in nums[k:]:
        if x > h[0]:
            heapq.heapreplace(h, x)
    return h[0]
print(kth_largest([3, 2, 1, 5, 6, 4], 2), kth_largest(list(range(100)), 10))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
def heapsort(it):
    h = list(it)
    heapq.heapify(h)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort([5, -2, 9, 0, 3, 3, 8]))
