print("golive")
