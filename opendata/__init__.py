"""Open-data exports of what the archive learned about officials (read side: profiles in, files out).

`occupancies` selects who held which position when (shared by every format); `ftm` maps that to
FollowTheMoney entities; `occupancy_csv` writes it for spreadsheets. See docs/officials.md.
"""
