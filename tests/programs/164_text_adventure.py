# Realistic: text adventure state machine driven by a fixed list of commands
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "a silent library", "exits": {"south": "hall", "up": "attic"}, "items": ["book", "key"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ["bread"]},
    "attic": {"desc": "a cramped attic", "exits": {"down": "library"}, "items": ["chest"]},
    "cellar": {"desc": "a pitch-black cellar", "exits": {"up": "kitchen"}, "items": ["treasure"], "dark": True},
}
class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.moves = 0
        self.state = "playing"
        self.chest_open = False
        self.rooms = {k: dict(v, items=list(v["items"])) for k, v in ROOMS.items()}
    def say(self, msg):
        print(f"[{self.moves:02}] {msg}")
    def look(self):
        r = self.rooms[self.room]
        if r.get("dark") and "lamp" not in self.inventory:
            self.say("It is too dark to see.")
            return
        items = ", ".join(r["items"]) or "nothing"
        exits = ", ".join(sorted(r["exits"]))
        self.say(f"You are in {r['desc']}. You see: {items}. Exits: {exits}.")
    def go(self, direction):
        exits = self.rooms[self.room]["exits"]
        if direction not in exits:
            self.say(f"You can't go {direction}.")
            return
        self.room = exits[direction]
        self.look()
    def take(self, item):
        r = self.rooms[self.room]
        if r.get("dark") and "lamp" not in self.inventory:
            self.say("You fumble in the dark.")
        elif item == "chest":
            self.say("The chest is far too heavy.")
        elif item in r["items"]:
            r["items"].remove(item)
            self.inventory.append(item)
            self.say(f"Taken: {item}.")
        else:
            self.say(f"There is no {item} here.")
    def drop(self, item):
        if item not in self.inventory:
            self.say(f"You don't have {item}.")
            return
        self.inventory.remove(item)
        self.rooms[self.room]["items"].append(item)
        self.say(f"Dropped: {item}.")
    def open(self, what):
        if what != "chest" or self.room != "attic":
            self.say("Nothing to open here.")
        elif self.chest_open:
            self.say("It's already open.")
        elif "key" not in self.inventory:
            self.say("The chest is locked.")
        else:
            self.chest_open = True
            self.rooms["attic"]["items"].append("crown")
            self.say("The chest creaks open, revealing a crown!")
    def handle(self, line):
        self.moves += 1
        words = line.lower().split()
        match words:
            case ["look" | "l"]:
                self.look()
            case ["go", d] | [("north" | "south" | "east" | "west" | "up" | "down") as d]:
                self.go(d)
            case ["take" | "get", item]:
                self.take(item)
            case ["drop", item]:
                self.drop(item)
            case ["open", what]:
                self.open(what)
            case ["inventory" | "i"]:
                self.say("You carry: " + (", ".join(sorted(self.inventory)) or "nothing"))
            case ["quit"]:
                self.state = "quit"
                self.say("Bye.")
            case []:
                self.say("Say something.")
            case _:
                self.say(f"I don't understand {line!r}.")
        if {"treasure", "crown"} <= set(self.inventory) and self.state == "playing":
            self.state = "won"
            self.say("You have found all the riches. You win!")
commands = [
    "look", "take lamp", "go west", "north", "take book", "take key", "take sword", "up",
    "open chest", "take chest", "take crown", "open chest", "down", "south", "east",
    "drop book", "inventory", "dance wildly", "", "drop lamp", "drop lamp", "down", "look",
    "take treasure", "up", "get lamp", "d", "down", "take treasure", "look", "quit",
]
game = Game()
for cmd in commands:
    print(f"> {cmd}")
    game.handle(cmd)
    if game.state != "playing":
        break
print("final state:", game.state, "room:", game.room, "moves:", game.moves)
print("inventory:", sorted(game.inventory))
print({k: v["items"] for k, v in game.rooms.items()})
