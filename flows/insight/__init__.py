"""Anonymous insight for the municipality: counts kept when things happen (record), made safe to show
(suppress, tables), written as a heatmap, CSV files and a summary (report), and shown to coordinators
in the bot (coordinator). Only counts ever leave."""
