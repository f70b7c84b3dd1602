// One Render overload per change kind (internal to sqlgen/pg). Generate visits the Change
// variant with these, so a kind without an overload does not compile. Each renderer
// writes drizzle-kit's text for its convertor and marks hazards.
#pragma once

#include "diff/pg/change.h"
#include "sqlgen/pg/sql_builder.h"

namespace dp::sqlgen::pg {

namespace dpg = diff::pg;

// schemas.cpp
void Render(const dpg::CreateSchema& change, Out& out);
void Render(const dpg::RenameSchema& change, Out& out);
void Render(const dpg::DropSchema& change, Out& out);
// enums.cpp
void Render(const dpg::CreateEnum& change, Out& out);
void Render(const dpg::DropEnum& change, Out& out);
void Render(const dpg::MoveEnum& change, Out& out);
void Render(const dpg::RenameEnum& change, Out& out);
void Render(const dpg::AddEnumValue& change, Out& out);
void Render(const dpg::RecreateEnum& change, Out& out);
// sequences.cpp
void Render(const dpg::CreateSequence& change, Out& out);
void Render(const dpg::DropSequence& change, Out& out);
void Render(const dpg::MoveSequence& change, Out& out);
void Render(const dpg::RenameSequence& change, Out& out);
void Render(const dpg::AlterSequence& change, Out& out);
// roles.cpp
void Render(const dpg::CreateRole& change, Out& out);
void Render(const dpg::DropRole& change, Out& out);
void Render(const dpg::RenameRole& change, Out& out);
void Render(const dpg::AlterRole& change, Out& out);
// tables.cpp
void Render(const dpg::CreateTable& change, Out& out);
void Render(const dpg::DropTable& change, Out& out);
void Render(const dpg::RenameTable& change, Out& out);
void Render(const dpg::MoveTable& change, Out& out);
void Render(const dpg::EnableRls& change, Out& out);
void Render(const dpg::DisableRls& change, Out& out);
// columns.cpp
void Render(const dpg::AddColumn& change, Out& out);
void Render(const dpg::DropColumn& change, Out& out);
void Render(const dpg::RenameColumn& change, Out& out);
void Render(const dpg::AlterColumn& change, Out& out);
// constraints.cpp
void Render(const dpg::CreateIndex& change, Out& out);
void Render(const dpg::DropIndex& change, Out& out);
void Render(const dpg::CreateForeignKey& change, Out& out);
void Render(const dpg::DropForeignKey& change, Out& out);
void Render(const dpg::CreatePrimaryKey& change, Out& out);
void Render(const dpg::DropPrimaryKey& change, Out& out);
void Render(const dpg::AlterPrimaryKey& change, Out& out);
void Render(const dpg::CreateUnique& change, Out& out);
void Render(const dpg::DropUnique& change, Out& out);
void Render(const dpg::CreateCheck& change, Out& out);
void Render(const dpg::DropCheck& change, Out& out);
// policies.cpp
void Render(const dpg::CreatePolicy& change, Out& out);
void Render(const dpg::DropPolicy& change, Out& out);
void Render(const dpg::RenamePolicy& change, Out& out);
void Render(const dpg::AlterPolicy& change, Out& out);
// views.cpp
void Render(const dpg::CreateView& change, Out& out);
void Render(const dpg::DropView& change, Out& out);
void Render(const dpg::RenameView& change, Out& out);
void Render(const dpg::MoveView& change, Out& out);
void Render(const dpg::SetViewOptions& change, Out& out);
void Render(const dpg::ResetViewOptions& change, Out& out);
void Render(const dpg::SetViewTablespace& change, Out& out);
void Render(const dpg::SetViewAccessMethod& change, Out& out);

/// The CREATE POLICY text (tables.cpp uses it for DROP TABLE's policies too).
std::string CreatePolicySql(const dpg::PolicyTarget& target, const model::pg::Policy& policy, bool expressions);
/// The ENABLE ROW LEVEL SECURITY text.
std::string EnableRlsSql(const std::string& schema, const std::string& table);

}  // namespace dp::sqlgen::pg
