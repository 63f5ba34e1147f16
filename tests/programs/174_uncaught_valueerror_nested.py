# Uncaught ValueError raised several calls deep: the traceback shows every frame (expected exit code 1)
def parse_age(text):
    value = int(text)
    if value < 0:
        raise ValueError(f"age must be non-negative, got {value}")
    return value
def load_record(line):
    name, age = line.split(",")
    return {"name": name.strip(), "age": parse_age(age.strip())}
def load_all(lines):
    records = []
    for line in lines:
        rec = load_record(line)
        print("loaded", rec)
        records.append(rec)
    return records
def main():
    data = ["ann, 31", "bob, 42", "cy, -5", "dee, 19"]
    records = load_all(data)
    print("never reached", records)
print("starting")
main()
print("not printed")
