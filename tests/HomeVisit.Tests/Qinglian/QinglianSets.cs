using HomeVisit.Core.Data;
using HomeVisit.Programmes.Qinglian;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Qinglian;

/// <summary>The module's tables as the tests read them; the context has no DbSet of a module (decision 0013).</summary>
internal static class QinglianSets
{
    extension(PortalDbContext db)
    {
        public DbSet<QinglianNotice> QinglianNotices => db.Set<QinglianNotice>();
        public DbSet<Commitment> Commitments => db.Set<Commitment>();
    }
}
