using System.Text;

namespace HomeVisit.Tests.Calendar;

/// <summary>A small RFC 5545 reader for the tests: unfolds lines, splits name;params:value, unescapes text.</summary>
internal static class IcsReader
{
    public sealed record Property(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

    public static IReadOnlyList<string> PhysicalLines(string ics)
    {
        Assert.EndsWith("\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        return ics[..^2].Split("\r\n");
    }

    public static List<Property> Parse(string ics)
    {
        var logical = new List<string>();
        foreach (var line in PhysicalLines(ics))
        {
            if (line.StartsWith(' ')) logical[^1] += line[1..];
            else logical.Add(line);
        }
        return logical.Select(l =>
        {
            var colon = l.IndexOf(':');
            var head = l[..colon].Split(';');
            var parameters = head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            return new Property(head[0], parameters, l[(colon + 1)..]);
        }).ToList();
    }

    /// <summary>The events, each as its properties by name.</summary>
    public static List<Dictionary<string, Property>> Events(string ics)
    {
        var result = new List<Dictionary<string, Property>>();
        Dictionary<string, Property>? current = null;
        foreach (var p in Parse(ics))
        {
            if (p is { Name: "BEGIN", Value: "VEVENT" }) current = [];
            else if (p is { Name: "END", Value: "VEVENT" }) { result.Add(current!); current = null; }
            else if (current is not null) current[p.Name] = p;
        }
        return result;
    }

    public static string Unescape(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                sb.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else sb.Append(value[i]);
        }
        return sb.ToString();
    }
}
